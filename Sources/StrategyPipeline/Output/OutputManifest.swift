import Foundation
import StrategyModel
import StrategyRender
import StrategySupport

/// The mark a build leaves in its output folder: every file it wrote, with its SHA-256.
///
/// A later build replaces an existing folder only when the folder holds exactly these files, unchanged.
/// Anything else in it (a file the user added or edited, a `.git`, a link) is not provably ours, so the
/// build refuses rather than delete it. The manifest is itself deterministic, so two builds of the same
/// sources stay byte-identical.
struct OutputManifest: Codable, Equatable {
    struct Entry: Codable, Equatable {
        var path: String
        var sha256: String
    }

    /// Hidden, so that it is not published as a page, and named so that a person who finds it knows why.
    static let fileName = ".strategyc-output.json"
    /// Raised if the manifest's meaning changes.
    static let currentVersion = 1

    var manifestVersion: Int
    var generator: String
    var files: [Entry]

    init(files: [OutputFile], generator: String) {
        manifestVersion = Self.currentVersion
        self.generator = generator
        self.files = files.map { Entry(path: $0.path, sha256: SHA256Hex.of($0.contents)) }.sorted { $0.path < $1.path }
    }

    var data: Data { StableJSON.encode(self) }

    /// The manifest in `folder`, or nil when there is none or it is not one of ours.
    static func read(in folder: URL) -> OutputManifest? {
        let url = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe), data.count < 16 << 20,
              let manifest = try? JSONDecoder().decode(OutputManifest.self, from: data),
              manifest.generator.hasPrefix("strategyc") else { return nil }
        return manifest
    }
}
