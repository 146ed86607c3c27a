import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategyRender

/// `strategyc diff OLD NEW`: two editions, each a folder or `git:REV[:PATH]`, compiled on their own and
/// compared by id. Each side's diagnostics are shown as the user named it (`git:REV:PATH`, never a
/// temporary copy).
public struct DiffAction: PipelineAction {
    /// Its collector receives both sides' diagnostics; each side is compiled by a pipeline of its own.
    public let pipeline: PublicationPipeline
    public let old: String
    public let new: String

    public init(_ pipeline: PublicationPipeline, old: String, new: String) {
        (self.pipeline, self.old, self.new) = (pipeline, old, new)
    }

    public struct Work: ActionWork {
        public var stopped = false
        let sides = Sides()
        var models: [Strategy] = []
        var unreadable = false
        var diff: EditionDiff?
    }

    /// The editions read, their temporary copies deleted when the work is done, however it ends.
    final class Sides {
        var sources: [EditionSource] = []
        deinit { sources.forEach { $0.cleanUp() } }
    }

    public enum Outcome: Sendable {
        /// The editions compared.
        case compared(EditionDiff)
        /// A side could not be read at all (reported): a usage problem, not a content one.
        case unreadable
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("read the editions") { work in
                for specification in [old, new] {
                    do {
                        work.sides.sources.append(try EditionSource(specification,
                                                                    workingDirectory: pipeline.request.workingDirectory))
                    } catch {
                        pipeline.collector.report(Diagnostic(.folderUnreadable, "\(error)", at: SourceRange(at: .wholeFile(specification))))
                        work.unreadable = true
                        return work.stopped = true
                    }
                }
            },
            ActionStep("compile each edition") { work in
                // Reported once both are compiled: a side that cannot be read throws, and then only that is said.
                var shown: [[Diagnostic]] = []
                for side in work.sides.sources {
                    let sideCollector = DiagnosticCollector()
                    let compilation = try PublicationPipeline(PublicationRequest(strategyFolder: side.folder, generator: ""),
                                                              collector: sideCollector).compile()
                    shown.append(side.display(sideCollector.diagnostics))
                    if let strategy = compilation.strategy { work.models.append(strategy) }
                }
                shown.forEach(pipeline.collector.report)
            },
            ActionStep("compare the editions") { work in
                guard work.models.count == 2, !pipeline.collector.hasErrors else { return work.stopped = true }
                work.diff = EditionDiff(from: work.models[0], to: work.models[1])
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? {
        if work.unreadable { return .unreadable }
        return work.diff.map(Outcome.compared)
    }
}
