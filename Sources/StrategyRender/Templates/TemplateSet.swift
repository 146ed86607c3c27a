import Foundation
import Mustache
import StrategyModel

/// The Mustache templates and static assets that give the published toolkit its look.
///
/// Templates are `*.mustache` files in the templates folder, named by their path without the extension
/// (`key-area`, `partials/footer`, `toolkit.md`); files under `assets/` are copied to the site as they are.
/// Editors change the look by editing these files, without touching Swift. Loading reports every
/// missing template, unknown partial and syntax error with the template file's position.
public struct TemplateSet: Sendable {
    /// The templates the renderers ask for; each must be in the templates folder.
    public enum Name: String, CaseIterable, Sendable {
        case index
        case keyArea = "key-area"
        case changes
        case toolkitMarkdown = "toolkit.md"
        /// "How this variant differs"; needed only when a variant is built.
        case variant
        /// The index of a batch of variants; needed only for `build --variants`.
        case variants
    }

    static var required: [String] { Name.allCases.filter { $0 != .variant && $0 != .variants }.map(\.rawValue) }

    /// Whether the set has a template, for the ones only some builds need.
    func has(_ name: Name) -> Bool { sources[name.rawValue] != nil }

    let library: MustacheLibrary
    /// Asset files, relative to `assets/`, with their contents.
    let assets: [OutputFile]
    /// Each template's file and text, for diagnostics and the field check.
    let sources: [String: (path: String, text: String)]

    /// Loads the folder; nil when it cannot be used, with the reasons reported to `collector`.
    public static func load(folder: String, reportingTo collector: DiagnosticCollector) -> TemplateSet? {
        var diagnostics: [Diagnostic] = []
        defer { collector.report(diagnostics) }
        return load(folder: folder, diagnostics: &diagnostics)
    }

    private static func load(folder: String, diagnostics: inout [Diagnostic]) -> TemplateSet? {
        let fileManager = FileManager.default
        let root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(Diagnostic(.templateFolderMissing, "templates folder '\(root)' does not exist; "
                                          + "give the folder with --templates",
                                          at: SourceRange(at: .wholeFile(root))))
            return nil
        }
        let paths = (fileManager.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        var assets: [OutputFile] = []
        var failed = false
        for relative in paths {
            let path = root + "/" + relative
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if relative.hasPrefix("assets/") {
                guard OutputFile.isSafe(relative), let data = fileManager.contents(atPath: path) else {
                    diagnostics.append(Diagnostic(
                        .templateAssetName,
                        "asset '\(relative)' is skipped: use lowercase letters, digits and hyphens in asset names",
                        at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                    continue
                }
                assets.append(OutputFile(path: relative, contents: data))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let data = fileManager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.templateSyntax, "template is not readable UTF-8 text",
                                              at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                failed = true
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = (path, text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    .templateSyntax, "template '\(name)' cannot be parsed: \(error.error)",
                    at: SourceRange(at: SourceLocation(path: path, line: error.context.lineNumber,
                                                       column: error.context.columnNumber + 1))))
                failed = true
            } catch {
                diagnostics.append(Diagnostic(.templateSyntax, "template '\(name)' cannot be parsed: \(error)",
                                              at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                failed = true
            }
        }
        for name in required where sources[name] == nil && !failed {
            diagnostics.append(Diagnostic(
                .templateMissing, "the site needs a template '\(name)': add \(name).mustache",
                at: SourceRange(at: .wholeFile(root + "/\(name).mustache"))))
            failed = true
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(Diagnostic(
                    .templateMissing,
                    "template '\(name)' uses '\(reference.name)', which is not in the templates folder",
                    at: SourceRange(at: SourceLocation(path: source.path, line: reference.line, column: reference.column))))
                failed = true
            }
        }
        return failed ? nil : TemplateSet(library: library, assets: assets, sources: sources)
    }

    /// Renders a template; the name is one of `required` or a template checked at load time. A template
    /// that cannot be rendered is a diagnostic at its file, never a silently empty page.
    func render(_ name: Name, diagnostics: inout [Diagnostic], _ object: Any) -> String {
        render(name.rawValue, diagnostics: &diagnostics, object)
    }

    /// The same for any template by name; a name the set lacks is a diagnostic.
    func render(_ name: String, diagnostics: inout [Diagnostic], _ object: Any) -> String {
        if let text = library.render(object, withTemplate: name) { return text }
        let path = sources[name]?.path ?? name + ".mustache"
        diagnostics.append(Diagnostic(.templateRenderFailed, "template '\(name)' could not be rendered",
                                      at: SourceRange(at: .wholeFile(path))))
        return ""
    }

    /// `{{> name}}` and `{{< name}}` tags, with their positions (1-based, UTF-8 byte columns).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                      let close = afterOpen.range(of: "}}") else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                references.append((name, index + 1, column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }
}
