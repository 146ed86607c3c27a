import Foundation
import StrategyDiagnostics
import StrategyStore

/// `strategyc collect backup`: a consistent copy of the store, taken while the server goes on using it
/// (SQLite's backup API), written to a new file: an existing one is never replaced.
public struct BackupStoreAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let store: String
    public let destination: String

    public init(_ pipeline: PublicationPipeline, store: String, destination: String) {
        (self.pipeline, self.store, self.destination) = (pipeline, store, destination)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var copied = false
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the destination") { work in
                guard FileManager.default.fileExists(atPath: destination) else { return }
                pipeline.collector.report(Diagnostic(
                    .outputNotOwned, "'\(destination)' already exists; a backup is always a new file, so choose another name",
                    at: SourceRange(at: .wholeFile(destination))))
                work.stopped = true
            },
            ActionStep("copy the store") { work in
                try CollectStore(path: store, create: false).backup(to: destination)
                work.copied = true
            },
        ]
    }

    /// Whether the copy was made.
    public func outcome(of work: Work) -> Bool? { work.copied ? true : nil }
}
