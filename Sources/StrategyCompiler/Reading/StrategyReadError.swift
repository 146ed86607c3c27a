/// The only failures that stop a compile before any diagnostics: the folder itself cannot be read.
/// Problems with individual files are diagnostics, not errors.
public enum StrategyReadError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    case unreadable(String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path): "no such folder: \(path)"
        case .notADirectory(let path): "not a folder: \(path)"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}
