import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategySupport

/// `strategyc new key-area|enabler|indicator`: a new index scaffolded into the strategy, with every level
/// present and placeholder text that `check` reports until it is written. Ids are chosen so that none in
/// use, retired ones included, is taken again. Never overwrites a file; scaffolds only into a strategy
/// without errors (the compile's errors are in the collector).
public struct NewElementAction: PipelineAction {
    public enum Element: Sendable {
        /// A key area in the theme with this id, with its help sections.
        case keyArea(theme: String)
        /// An enabler, in the strategy's enablers group.
        case enabler
        /// An indicator at the end of the indicators of the key area or enabler with this id.
        case indicator(keyArea: String)
    }

    public let pipeline: PublicationPipeline
    public let element: Element
    public let title: String

    public init(_ pipeline: PublicationPipeline, element: Element, title: String) {
        (self.pipeline, self.element, self.title) = (pipeline, element, title)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var strategy: Strategy?
        var outcome: Outcome?
    }

    public enum Outcome: Sendable, Equatable {
        /// A key area or enabler file written, with the ids chosen for it and its first indicator.
        case keyArea(path: String, isEnabler: Bool, id: String, indicator: String)
        /// An indicator written into its key area's file, at `line`.
        case indicator(path: String, line: Int, id: String, keyArea: String, retiredKeyArea: Bool)
        /// Nothing written: the theme or key area named is not there (said in `reason`).
        case refused(reason: String)
        /// Nothing written: the file to create is there already.
        case exists(path: String)
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("compile the strategy") { work in
                guard let strategy = try pipeline.compile().strategy, !pipeline.collector.hasErrors else {
                    return work.stopped = true
                }
                work.strategy = strategy
            },
            ActionStep("write the new element") { work in
                guard let strategy = work.strategy else { return }
                work.outcome = try write(into: strategy)
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? { work.outcome }

    private var folder: String { pipeline.request.strategyFolder }

    private func write(into strategy: Strategy) throws -> Outcome {
        switch element {
        case .keyArea(let themeID):
            guard let theme = strategy.themes.first(where: { $0.id == themeID && $0.kind == .theme }) else {
                let themes = strategy.themes.filter { $0.kind == .theme }.map(\.id).joined(separator: ", ")
                return .refused(reason: "no theme '\(themeID)'; the themes are \(themes) (use `new enabler` for enablers)")
            }
            return try scaffoldKeyArea(in: theme, strategy: strategy, help: true)
        case .enabler:
            guard let group = strategy.themes.first(where: { $0.kind == .enablers }) else {
                return .refused(reason: "the strategy has no theme with `kind: enablers`")
            }
            return try scaffoldKeyArea(in: group, strategy: strategy, help: false)
        case .indicator(let keyArea):
            guard let area = strategy.allKeyAreas.first(where: { $0.id == keyArea && $0.status == .active }) else {
                return .refused(reason: "no active key area or enabler '\(keyArea)'")
            }
            return try addIndicator(to: area, strategy: strategy)
        }
    }

    private func scaffoldKeyArea(in theme: Theme, strategy: Strategy, help: Bool) throws -> Outcome {
        let title = title.trimmingSpaces()
        let id = Scaffold.uniqueID([Slug.make(from: title)], in: strategy)
        let order = (theme.keyAreas.map(\.order).max() ?? 0) + 1
        let indicator = help
            ? (title: "High level principle and specific behaviour", id: Scaffold.uniqueID(["\(id)-principle"], in: strategy))
            : (title: title, id: Scaffold.uniqueID(["\(id)-maturity"], in: strategy))
        let text = Scaffold.keyAreaFile(id: id, title: title, theme: theme, order: order, since: strategy.edition,
                                        levels: strategy.levels, indicator: indicator, help: help)
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + "key-areas/\(theme.id)/\(id).md"
        guard !FileManager.default.fileExists(atPath: path) else { return .exists(path: path) }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        return .keyArea(path: path, isEnabler: !help, id: id, indicator: indicator.id)
    }

    private func addIndicator(to area: KeyArea, strategy: Strategy) throws -> Outcome {
        let title = title.trimmingSpaces()
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
        return .indicator(path: path, line: end + 2, id: id, keyArea: area.id, retiredKeyArea: area.status != .active)
    }
}
