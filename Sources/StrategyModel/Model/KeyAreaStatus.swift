/// Whether a key area is part of the current edition.
///
/// Retired key areas stay in the sources, so their ids are never reused and a diff between editions can
/// say what happened to them; they are left out of everything published for the edition.
public enum KeyAreaStatus: String, Hashable, Sendable, CaseIterable {
    case active
    case retired
}
