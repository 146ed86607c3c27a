// Writes the Swift source that builds the default templates into the strategyc binary: every file under
// the templates folder (dot files and dot folders excepted) becomes a raw string literal, byte for byte.
// Run by the EmbedTemplatesPlugin build-tool plugin on every build of StrategyRender, into the build
// folder, so that the generated code is never in git and can never disagree with Templates/.
//
// usage: EmbedTemplates TEMPLATES_FOLDER OUTPUT.swift
//
// A file that is not UTF-8 text, or holds a carriage return, is refused (exit 1, the build fails) rather
// than changed: the binary must carry exactly what the folder holds.
import Foundation

/// One template file: its path relative to the templates folder, and its text.
struct TemplateFile {
    var path: String
    var text: String
}

/// Why a templates folder cannot be embedded.
struct EmbedError: Error, CustomStringConvertible {
    var description: String
}

/// Every file of the folder, sorted by path so that the same folder always gives the same source.
func templateFiles(in folder: URL) throws -> [TemplateFile] {
    guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                      options: [.skipsHiddenFiles]) else {
        throw EmbedError(description: "cannot read the templates folder \(folder.path)")
    }
    let base = folder.standardizedFileURL.path + "/"
    var found: [TemplateFile] = []
    for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        let path = String(url.standardizedFileURL.path.dropFirst(base.count))
        guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
            throw EmbedError(description: "\(path) is not UTF-8 text")
        }
        if text.unicodeScalars.contains("\r") {
            throw EmbedError(description: "\(path) holds a carriage return; save it with Unix line endings")
        }
        found.append(TemplateFile(path: path, text: text))
    }
    return found.sorted { Array($0.path.utf8).lexicographicallyPrecedes($1.path.utf8) }
}

/// A raw string literal holding `text` exactly: enough `#` that nothing in the text closes it or starts an
/// escape, and an empty line before the closing delimiter, which a multi-line literal drops.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) {
        hashes += "#"
    }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

/// The Swift file: one dictionary literal from each path to its text.
func source(of files: [TemplateFile]) -> String {
    let entries = files.map { "        \"\($0.path)\": \(literal($0.text))," }.joined(separator: "\n")
    return """
        // Generated on every build by the EmbedTemplatesPlugin from Templates/; never in git, never edited.

        /// The default templates and assets, built into the binary, by path relative to the templates folder.
        enum BuiltInTemplates {
            static let files: [String: String] = [
        \(entries)
            ]
        }

        """
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: EmbedTemplates TEMPLATES_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
do {
    let files = try templateFiles(in: URL(fileURLWithPath: arguments.first!, isDirectory: true))
    let output = URL(fileURLWithPath: arguments.last!)
    let text = Data(source(of: files).utf8)
    // Written only when it changes, so that an unchanged folder does not recompile StrategyRender.
    if (try? Data(contentsOf: output)) != text {
        try text.write(to: output, options: .atomic)
    }
} catch {
    FileHandle.standardError.write(Data("EmbedTemplates: error: \(error)\n".utf8))
    exit(1)
}
