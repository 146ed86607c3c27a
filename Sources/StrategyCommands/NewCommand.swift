import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyPipeline
import StrategyDiagnostics
import StrategySupport

/// `strategyc new key-area|enabler|indicator`: scaffolds a new index with every level present and
/// placeholder text that `check` reports until it is written. Never overwrites a file.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Scaffold a new key area, enabler or indicator.",
        subcommands: [NewKeyArea.self, NewEnabler.self, NewIndicator.self, NewVariant.self]
    )
}

/// Options every `new` subcommand shares.
struct NewOptions: ParsableArguments {
    /// Positional, as for every other command.
    @Argument(help: "The strategy folder.", completion: .directory)
    var folder: String?

    /// `--strategy`, the first releases' spelling: hidden, and kept so that scripts using it keep working.
    @Option(name: .customLong("strategy"), help: .hidden)
    var legacyFolder: String?

    var strategy: String { folder ?? legacyFolder ?? "Strategy" }

    @Option(help: "The title of the new element.")
    var title: String

    func validate() throws {
        guard !title.trimmingSpaces().isEmpty else { throw ValidationError("--title must not be empty") }
        guard !Slug.make(from: title).isEmpty else {
            throw ValidationError("--title needs letters or digits, to make an id from")
        }
    }

    /// The checked model; scaffolding into a strategy with errors could only add to the confusion. Only
    /// errors are shown: warnings (such as the placeholders of an earlier `new`) are `check`'s business.
    func model() throws -> Strategy {
        let reporter = try CompileOptions.parse([strategy])
        let collector = DiagnosticCollector()
        let compilation = try reporter.perform(collector) {
            try PublicationPipeline(reporter.request(), collector: collector).compile()
        }
        guard let model = compilation.strategy, !collector.hasErrors else {
            reporter.write(collector.diagnostics.filter { $0.severity == .error })
            throw ExitCode.errors
        }
        return model
    }
}

/// Choosing ids and writing files, shared by the subcommands.
enum Scaffold {
    /// The slug of `preferred`, made unique against every id in use, retired ones included.
    static func uniqueID(_ candidates: [String], in strategy: Strategy) -> String {
        let used = Set(strategy.themes.map(\.id) + strategy.allKeyAreas.map(\.id) + strategy.allIndicators.map(\.id))
        for candidate in candidates where !used.contains(candidate) { return candidate }
        let base = candidates.last ?? "new"
        var number = 2
        while used.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    static func indicatorSection(title: String, id: String, levels: [Level]) -> String {
        var text = "### \(title) {#\(id)}\n"
        for level in levels {
            text += "\n#### \(level.name)\n\nTODO: describe what practice looks like at the \(level.name) level.\n"
        }
        return text
    }

    static func keyAreaFile(id: String, title: String, theme: Theme, order: Int, since: String, levels: [Level],
                            indicator: (title: String, id: String), help: Bool) -> String {
        var text = """
            ---
            id: \(id)
            title: \(yamlScalar(title))
            theme: \(theme.id)
            order: \(order)
            status: active
            since: \(yamlScalar(since))
            ---

            ## Description

            TODO: say in a few sentences what this \(help ? "key area" : "enabler") covers.

            """
        if help {
            text += """

                ## What it is

                TODO: explain what good practice in this area involves.

                ## Why it is important

                TODO: explain why it matters to councils and the people they serve.

                """
        }
        return text + "\n## Indicators\n\n" + indicatorSection(title: indicator.title, id: indicator.id, levels: levels)
    }

    /// A YAML scalar that stays text: quoted when it could be read as something else.
    static func yamlScalar(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || " -'(),.".contains($0) }
            && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
        return plain ? text : "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes a new file, refusing to replace one.
    static func create(_ text: String, at path: String) throws {
        let url = URL(fileURLWithPath: path)
        guard !FileManager.default.fileExists(atPath: path) else {
            Output.standardError("strategyc: error: \(path) already exists; strategyc new never overwrites a file\n")
            throw ExitCode.errors
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    }
}

struct NewKeyArea: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "key-area", abstract: "Scaffold a key area in a theme.")

    @Option(help: "The id of the theme it belongs to.")
    var theme: String

    @OptionGroup var options: NewOptions

    func run() throws {
        let strategy = try options.model()
        guard let theme = strategy.themes.first(where: { $0.id == self.theme && $0.kind == .theme }) else {
            let themes = strategy.themes.filter { $0.kind == .theme }.map(\.id).joined(separator: ", ")
            throw ValidationError("no theme '\(self.theme)'; the themes are \(themes) (use `new enabler` for enablers)")
        }
        try NewKeyArea.scaffold(title: options.title, in: theme, strategy: strategy, folder: options.strategy, help: true)
    }

    static func scaffold(title: String, in theme: Theme, strategy: Strategy, folder: String, help: Bool) throws {
        let title = title.trimmingSpaces()
        let id = Scaffold.uniqueID([Slug.make(from: title)], in: strategy)
        let order = (theme.keyAreas.map(\.order).max() ?? 0) + 1
        let indicator = help
            ? (title: "High level principle and specific behaviour", id: Scaffold.uniqueID(["\(id)-principle"], in: strategy))
            : (title: title, id: Scaffold.uniqueID(["\(id)-maturity"], in: strategy))
        let text = Scaffold.keyAreaFile(id: id, title: title, theme: theme, order: order, since: strategy.edition,
                                        levels: strategy.levels, indicator: indicator, help: help)
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + "key-areas/\(theme.id)/\(id).md"
        try Scaffold.create(text, at: path)
        // The ids it chose, which `replaced_by`, links and variants name: said, not left to be looked up.
        Output.standardOutput("wrote \(path): \(help ? "key area" : "enabler") '\(id)' with indicator '\(indicator.id)'\n")
    }
}

struct NewEnabler: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enabler", abstract: "Scaffold an enabler.")

    @OptionGroup var options: NewOptions

    func run() throws {
        let strategy = try options.model()
        guard let group = strategy.themes.first(where: { $0.kind == .enablers }) else {
            throw ValidationError("the strategy has no theme with `kind: enablers`")
        }
        try NewKeyArea.scaffold(title: options.title, in: group, strategy: strategy, folder: options.strategy, help: false)
    }
}

struct NewIndicator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator", abstract: "Add an indicator to the end of a key area's indicators.")

    @Option(name: .customLong("key-area"), help: "The id of the key area or enabler.")
    var keyArea: String

    @OptionGroup var options: NewOptions

    func run() throws {
        let strategy = try options.model()
        guard let area = strategy.allKeyAreas.first(where: { $0.id == keyArea && $0.status == .active }) else {
            throw ValidationError("no active key area or enabler '\(keyArea)'")
        }
        let title = options.title.trimmingSpaces()
        let slug = Slug.make(from: title)
        let id = Scaffold.uniqueID([slug, "\(area.id)-\(slug)"], in: strategy)
        let path = area.sourcePath
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        // Insert at the end of the `## Indicators` section: before the next `## ` heading, or at the end.
        let start = lines.firstIndex { $0.trimmingSpaces().lowercased().hasPrefix("## indicators") } ?? lines.count
        var end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        while end > start + 1 && lines[end - 1].trimmingSpaces().isEmpty { end -= 1 }
        let section = Scaffold.indicatorSection(title: title, id: id, levels: strategy.levels)
        lines.insert(contentsOf: [""] + section.components(separatedBy: "\n").dropLast(), at: end)
        var result = lines.joined(separator: "\n")
        if !result.hasSuffix("\n") { result += "\n" }
        try Data(result.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        Output.standardOutput("wrote \(path):\(end + 2): indicator '\(id)' in \(area.status == .active ? "" : "retired ")key area '\(area.id)'\n")
    }
}
