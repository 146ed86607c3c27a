import Foundation
import StrategyModel

/// One file of a build's output, held in memory until the whole build has succeeded.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output folder, with `/` separators.
    public let path: String
    public let contents: Data

    /// Fixed names (`index.html`, `assets/style.css`) and names made from ids; anything else is refused, so
    /// that content can never choose where a file is written.
    public init(path: String, contents: Data) {
        precondition(OutputFile.isSafe(path), "unsafe output path \(path)")
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// A relative path whose every component is a slug, optionally with a plain extension.
    public static func isSafe(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !components.isEmpty, !path.hasPrefix("/") else { return false }
        return components.allSatisfy { component in
            let parts = component.split(separator: ".", omittingEmptySubsequences: false)
            guard let stem = parts.first, parts.count <= 3 else { return false }
            return Slug.isValid(String(stem)) && parts.dropFirst().allSatisfy { Slug.isValid(String($0)) }
        }
    }
}
