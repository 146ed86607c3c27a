import Foundation
import Mustache
import StrategyModel
import StrategyDiagnostics
import StrategySupport

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
        /// A council's report on its returns, and its Markdown twin; needed only for `strategyc report`.
        case report
        case reportMarkdown = "report.md"
        /// The peer benchmark's reports, national and regional; needed only for `strategyc benchmark`.
        case benchmark
        case benchmarkMarkdown = "benchmark.md"
    }

    /// Templates every site build needs; the others are needed only by the commands that use them.
    static var required: [String] {
        Name.allCases.filter { ![.variant, .variants, .report, .reportMarkdown, .benchmark, .benchmarkMarkdown].contains($0) }.map(\.rawValue)
    }

    /// Whether the set has a template, for the ones only some builds need.
    func has(_ name: Name) -> Bool { sources[name.rawValue] != nil }

    /// The templates of `names` the set lacks, for a server that needs templates no build needs.
    public func missing(_ names: [String]) -> [String] { names.filter { sources[$0] == nil } }

    let library: MustacheLibrary
    /// Asset files, relative to `assets/`, with their contents.
    let assets: [OutputFile]
    /// Each template's file and text, for diagnostics and the field check.
    let sources: [String: (path: String, text: String)]
    /// Sees every view given to a template: for the test that holds each view's field list to its stored
    /// properties. Nil outside tests.
    var viewObserver: ViewObserver?
    /// The field check's result for this set (shared by copies of the set).
    private let fieldCheck = FieldCheckResult()

    /// Each template's name, file and text, by name: what `RuleSubject.templates` reads.
    public var texts: [(name: String, path: String, text: String)] {
        sources.sorted { $0.key < $1.key }.map { (name: $0.key, path: $0.value.path, text: $0.value.text) }
    }

    /// The result of checking the set's fields, worked out once: a batch of variants renders the same
    /// templates hundreds of times.
    public func checkFieldsOnce(_ check: () -> [Diagnostic]) -> [Diagnostic] {
        fieldCheck.result(check)
    }

    /// The views given to templates, in order. Locked: pages render on every core.
    final class ViewObserver: @unchecked Sendable {
        private var recorded: [Any] = []
        private let lock = NSLock()

        func record(_ view: Any) {
            lock.lock()
            defer { lock.unlock() }
            recorded.append(view)
        }

        var views: [Any] {
            lock.lock()
            defer { lock.unlock() }
            return recorded
        }
    }

    /// Locked, since a batch may render variants on several threads.
    private final class FieldCheckResult: @unchecked Sendable {
        private var result: [Diagnostic]?
        private let lock = NSLock()

        func result(_ make: () -> [Diagnostic]) -> [Diagnostic] {
            lock.lock()
            defer { lock.unlock() }
            if let result { return result }
            let made = make()
            result = made
            return made
        }
    }

    /// Where templates come from: a folder, or the set built into the binary.
    public enum Source: Sendable, Equatable {
        case folder(String)
        case builtIn
    }

    /// One template or asset file before it is parsed: its path relative to the templates folder, the
    /// path diagnostics name, and its bytes.
    struct File {
        var relative: String
        var displayPath: String
        var data: Data
    }

    /// Loads the folder; nil when it cannot be used, with the reasons reported to `collector`.
    public static func load(folder: String, reportingTo collector: DiagnosticCollector) -> TemplateSet? {
        load(.folder(folder), overrides: [], reportingTo: collector)
    }

    /// Loads a complete set (a folder, or the built-in templates) and lays each override folder over it in
    /// order: a file in an override replaces the file with the same relative path (`key-area.mustache`,
    /// `partials/footer.mustache`, `assets/style.css`), the last folder winning. A variant's `templates/`
    /// folder is such an override. Nil when the result cannot be used, with the reasons reported.
    public static func load(_ source: Source, overrides: [String], reportingTo collector: DiagnosticCollector) -> TemplateSet? {
        let base: [File]
        let root: String
        switch source {
        case .builtIn:
            root = builtInRoot
            base = BuiltInTemplates.files.sorted { $0.key < $1.key }.map {
                File(relative: $0.key, displayPath: builtInRoot + "/" + $0.key, data: Data($0.value.utf8))
            }
        case .folder(let folder):
            root = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
            guard let files = files(inFolder: root, what: "templates folder", reportingTo: collector) else { return nil }
            base = files
        }
        var merged = Dictionary(base.map { ($0.relative, $0) }, uniquingKeysWith: { first, _ in first })
        for folder in overrides {
            let overrideRoot = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
            guard let files = files(inFolder: overrideRoot, what: "template override folder", reportingTo: collector) else {
                return nil
            }
            for file in files { merged[file.relative] = file }
        }
        return compile(merged.values.sorted { $0.relative < $1.relative }, root: root, reportingTo: collector)
    }

    /// How diagnostics name a built-in template: `(built-in templates)/key-area.mustache`.
    public static let builtInRoot = "(built-in templates)"

    /// Every regular file of a folder, dot files and folders left out. A symbolic link is refused, so an
    /// override cannot pull in a file from outside its folder.
    private static func files(inFolder root: String, what: String, reportingTo collector: DiagnosticCollector) -> [File]? {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            collector.report(Diagnostic(.templateFolderMissing, "\(what) '\(root)' does not exist; "
                                          + "give the folder with --templates",
                                          at: SourceRange(at: .wholeFile(root))))
            return nil
        }
        let paths = (fileManager.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
        var files: [File] = []
        for relative in paths {
            let path = root + "/" + relative
            let type = (try? fileManager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                collector.report(Diagnostic(.templateAssetName, "'\(relative)' is a symbolic link and is skipped: "
                                              + "put the file itself in the folder", at: SourceRange(at: .wholeFile(path))))
                continue
            }
            guard type == .typeRegular, let data = fileManager.contents(atPath: path) else { continue }
            files.append(File(relative: relative, displayPath: path, data: data))
        }
        return files
    }

    private static func compile(_ files: [File], root: String, reportingTo collector: DiagnosticCollector) -> TemplateSet? {
        var library = MustacheLibrary()
        var sources: [String: (path: String, text: String)] = [:]
        var assets: [OutputFile] = []
        var failed = false
        /// Templates that exist, parsed or not: a partial that fails to parse is reported once, not again
        /// as missing from every template that uses it.
        var present: Set<String> = []
        for file in files {
            let relative = file.relative, path = file.displayPath
            if relative.hasPrefix("assets/") {
                guard OutputFile.isSafe(relative) else {
                    collector.report(Diagnostic(
                        .templateAssetName,
                        "asset '\(relative)' is skipped: use lowercase letters, digits and hyphens in asset names",
                        at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                    continue
                }
                assets.append(OutputFile(path: relative, contents: file.data))
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            present.insert(name)
            guard let text = String(data: file.data, encoding: .utf8) else {
                collector.report(Diagnostic(.templateSyntax, "template is not readable UTF-8 text",
                                              at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                failed = true
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                sources[name] = (path, text)
            } catch let error as MustacheTemplate.ParserError {
                collector.report(Diagnostic(
                    .templateSyntax, "template '\(name)' cannot be parsed: \(error.error)",
                    at: SourceRange(at: SourceLocation(path: path, line: error.context.lineNumber,
                                                       column: error.context.columnNumber + 1))))
                failed = true
            } catch {
                collector.report(Diagnostic(.templateSyntax, "template '\(name)' cannot be parsed: \(error)",
                                              at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1))))
                failed = true
            }
        }
        for name in required where sources[name] == nil && !failed {
            collector.report(Diagnostic(
                .templateMissing, "the site needs a template '\(name)': add \(name).mustache",
                at: SourceRange(at: .wholeFile(root + "/\(name).mustache"))))
            failed = true
        }
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where !present.contains(reference.name) {
                collector.report(Diagnostic(
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
    func render(_ name: Name, reportingTo collector: DiagnosticCollector, _ object: Any) -> String {
        render(name.rawValue, reportingTo: collector, object)
    }

    /// The same for any template by name; a name the set lacks is a diagnostic.
    func render(_ name: String, reportingTo collector: DiagnosticCollector, _ object: Any) -> String {
        viewObserver?.record(object)
        if let text = library.render(object, withTemplate: name) { return text }
        let path = sources[name]?.path ?? name + ".mustache"
        collector.report(Diagnostic(.templateRenderFailed, "template '\(name)' could not be rendered",
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
                    .trimmingSpaces()
                let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
                references.append((name, index + 1, column))
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }
}
