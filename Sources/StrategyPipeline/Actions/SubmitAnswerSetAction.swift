import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategyRender
import StrategyStore
import StrategyWorkbook

/// A respondent's answers submitted in the online diagnostic: written into the round's workbook as a
/// completed return (the workbook they can download), that workbook read back by exactly the code
/// `returns add` reads any return with (its checks, its About answers held to the lists), and the return
/// recorded in the store in the transaction that marks the answer set submitted. So `benchmark` and
/// `report` see an online answer as they see a workbook.
public struct SubmitAnswerSetAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let store: CollectStore
    public let round: CollectStore.Round
    public let organisation: CollectStore.Organisation
    public let answerSet: CollectStore.AnswerSet
    /// When it is submitted (ISO 8601, UTC); its date is the return's assessment date.
    public let submittedAt: String
    /// Where the workbook is written to be read back (a private folder of the server's).
    public let workFolder: String
    /// Run inside the store's transaction, before the commit (the crash test's hook).
    public var duringTransaction: (() -> Void)?

    public init(_ pipeline: PublicationPipeline, store: CollectStore, round: CollectStore.Round,
                organisation: CollectStore.Organisation, answerSet: CollectStore.AnswerSet, submittedAt: String, workFolder: String) {
        (self.pipeline, self.store, self.round, self.organisation, self.answerSet, self.submittedAt, self.workFolder)
            = (pipeline, store, round, organisation, answerSet, submittedAt, workFolder)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var context: AssessmentContext?
        var workbook: Data?
        var stored: StoredReturn?
        var outcome: CollectStore.SubmitOutcome?
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("resolve the round's strategy or variant") { work in
                work.context = try pipeline.assessmentContext(variant: round.settings.variantFolder)
                work.stopped = work.context == nil
            },
            ActionStep("write the answers into the workbook") { work in
                guard let context = work.context else { return }
                let filled = AnswerSetReturn.filled(try store.drafts(answerSet: answerSet.id), of: answerSet, organisation: organisation,
                                                    round: round.round, on: String(submittedAt.prefix(10)), levels: context.strategy.levels)
                work.workbook = try workbook(filled, context: context)
                work.stopped = work.workbook == nil
            },
            ActionStep("read the workbook as a return") { work in
                guard let workbook = work.workbook else { return }
                let path = workFolder + "/" + AnswerSetReturn.fileName(of: answerSet, organisation: organisation, round: round.round)
                try pipeline.writeFile(workbook, to: path)
                defer { try? FileManager.default.removeItem(atPath: path) }
                work.stored = try pipeline.readForStore([path], variantsFolder: round.settings.variantsFolder).first?.stored
                work.stopped = work.stored == nil
            },
            ActionStep("record the return") { work in
                guard let stored = work.stored, let workbook = work.workbook, !pipeline.collector.hasErrors else { return }
                work.outcome = try store.submit(answerSet: answerSet.id, stored, workbook: workbook, at: submittedAt,
                                                duringTransaction: duringTransaction)
            },
        ]
    }

    public func outcome(of work: Work) -> CollectStore.SubmitOutcome? { work.outcome }

    /// The round's workbook (the variant's, when it is a variant's round) with the answers in it.
    private func workbook(_ filled: FilledReturn, context: AssessmentContext) throws -> Data? {
        let files: [OutputFile]
        if let folder = round.settings.variantFolder {
            guard let resolved = try pipeline.resolveVariant(folder) else { return nil }
            files = pipeline.renderVariantWorkbook(resolved, published: context.published, stamp: context.stamp, filled: filled)
        } else {
            files = pipeline.renderWorkbook(context.published, stamp: context.stamp, filled: filled)
        }
        return files.first { $0.path.hasSuffix(".xlsx") }?.contents
    }
}

/// An answer set as a return: its drafts and who answered them, as a workbook's cells hold them.
public enum AnswerSetReturn {
    /// What goes into the workbook: levels by name, the About answers from the organisation and the
    /// respondent.
    public static func filled(_ drafts: [String: CollectStore.Draft], of answerSet: CollectStore.AnswerSet,
                              organisation: CollectStore.Organisation, round: String, on date: String, levels: [Level]) -> FilledReturn {
        let names = Dictionary(levels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = drafts.mapValues { draft in
            FilledReturn.Row(current: draft.current.flatMap { names[$0] } ?? "", target: draft.target.flatMap { names[$0] } ?? "",
                             evidence: draft.evidence, actions: draft.actions, owner: draft.owner, reviewDate: draft.reviewDate)
        }
        return FilledReturn(about: [
            .organisation: organisation.name, .organisationType: organisation.type, .region: organisation.region,
            .role: answerSet.role, .department: answerSet.department, .date: date, .round: round, .validation: answerSet.validation,
        ], rows: rows)
    }

    /// `online-2026-riverside-district-council-3.xlsx`: the file the store names the return by.
    public static func fileName(of answerSet: CollectStore.AnswerSet, organisation: CollectStore.Organisation, round: String) -> String {
        "online-\(round)-\(Slug.make(from: organisation.name))-\(answerSet.id).xlsx"
    }
}
