import Foundation
import StrategyDiagnostics
import StrategyModel

/// `strategyc variant accept-base DIR`: after an editor has read the base texts that changed under the
/// variant's overrides, records their new fingerprints (and those never recorded), so that publication
/// goes ahead. It changes only the `base:` values of those overrides, in the variant's own `variant.md`,
/// by applying the fix-its the checks offer for them.
public struct AcceptBaseAction: PipelineAction {
    public let pipeline: PublicationPipeline
    /// The variant folder (`Variants/<id>`).
    public let folder: String

    public init(_ pipeline: PublicationPipeline, folder: String) {
        (self.pipeline, self.folder) = (pipeline, folder)
    }

    /// The codes of the diagnostics this action answers.
    static let answered: [DiagnosticCode] = [.overrideBaseChanged, .overrideBaseMissing]

    public struct Work: ActionWork {
        public var stopped = false
        var changes: [Diagnostic] = []
        var outcome: Outcome?
    }

    public enum Outcome: Sendable, Equatable {
        /// Nothing written: something else is wrong with the variant (these errors), which accepting base
        /// texts cannot fix.
        case blocked([Diagnostic])
        /// Nothing written: every override matches its base text.
        case nothingToAccept(path: String)
        /// Written: how many changed base texts were accepted and how many unrecorded ones recorded.
        case written(path: String, accepted: Int, recorded: Int)
    }

    /// The variant's own `variant.md`.
    public var path: String { (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/variant.md" }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("resolve the variant") { work in
                let resolved = try pipeline.resolveVariant(folder)
                let diagnostics = pipeline.collector.diagnostics
                work.changes = diagnostics.filter { Self.answered.contains($0.code) && $0.range.path == path }
                let blocking = diagnostics.filter { $0.severity == .error && !Self.answered.contains($0.code) }
                if resolved == nil || !blocking.isEmpty {
                    work.outcome = .blocked(blocking)
                    work.stopped = true
                } else if work.changes.isEmpty {
                    work.outcome = .nothingToAccept(path: path)
                    work.stopped = true
                }
            },
            ActionStep("record the base texts") { work in
                var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
                // Later lines first, so earlier positions stay valid.
                for fixIt in work.changes.compactMap(\.fixIts.first).sorted(by: { $0.range.start > $1.range.start }) {
                    let index = fixIt.range.start.line - 1
                    guard index < lines.count else { continue }
                    var utf8 = Array(lines[index].utf8)
                    let start = fixIt.range.start.column - 1, end = max(start, fixIt.range.end.column - 1)
                    guard start <= utf8.count, end <= utf8.count else { continue }
                    utf8.replaceSubrange(start..<end, with: Array(fixIt.replacement.utf8))
                    lines[index] = String(decoding: utf8, as: UTF8.self)
                }
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                let recorded = work.changes.filter { $0.code == .overrideBaseMissing }.count
                work.outcome = .written(path: path, accepted: work.changes.count - recorded, recorded: recorded)
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? { work.outcome }
}
