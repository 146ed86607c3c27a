import Foundation
import StrategyRender

/// The entries of an output folder that its manifest does not account for: files it does not list, listed
/// files whose contents changed, links and anything that is neither a file nor a folder. Replacing the
/// folder would lose these, so their presence makes the build refuse.
enum ForeignFiles {
    static func find(in folder: URL, manifest: OutputManifest) -> [String] {
        let listed = Dictionary(manifest.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let listedFolders = Set(listed.keys.flatMap { path -> [String] in
            let parts = path.split(separator: "/").dropLast()
            return parts.indices.map { parts[...$0].joined(separator: "/") }
        })
        var foreign: [String] = []
        let paths = (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
        for relative in paths where relative != OutputManifest.fileName {
            let full = folder.appendingPathComponent(relative).path
            if CanonicalPath.isSymbolicLink(full) {
                foreign.append(relative)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if !listedFolders.contains(relative) && !paths.contains(where: { $0.hasPrefix(relative + "/") }) {
                    foreign.append(relative + "/")
                }
                continue
            }
            guard let expected = listed[relative],
                  let data = try? Data(contentsOf: URL(fileURLWithPath: full), options: .mappedIfSafe),
                  SHA256Hex.of(data) == expected else {
                foreign.append(relative)
                continue
            }
        }
        return foreign
    }
}
