import Foundation

/// The fingerprint printed on every published artefact, so a stale copy can be recognised.
///
/// It is the SHA-256 of `model.json`, the canonical export. Anyone can check a page against the model
/// with `sha256sum model.json`; any change to the content changes the hash, and nothing else does (the
/// export holds no time and no machine-specific path).
public struct ContentHash: Sendable, Equatable {
    /// 64 lowercase hex digits.
    public let hex: String

    public init(modelJSON: Data) {
        hex = SHA256Hex.of(modelJSON)
    }

    /// The first 12 digits, enough to tell editions and drafts apart on a page footer.
    public var short: String { String(hex.prefix(12)) }
}
