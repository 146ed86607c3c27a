import StrategyModel
import StrategyRender

/// The edition this one is compared with: its model, and what changed.
public struct PreviousEdition: Sendable {
    /// How the edition was named (`git:v2018`, `../2018`), as diagnostics and the changes page show it.
    public var label: String
    public var strategy: Strategy
    public var changes: EditionDiff
}
