import Foundation
import StrategyModel
import StrategyRender
import StrategyWorkbook
import StrategyDiagnostics
import StrategySupport

/// Reading returns for the peer benchmark's store: each file against the strategy or variant its stamp
/// names, its About answers held to the lists the workbook offered, and its answers marked national or
/// local.
public struct ReturnIntake {
    /// One file given to `returns add`: what it is as the store would keep it, or nil when it was refused
    /// (its diagnostics say why).
    public struct Item: Sendable {
        public var path: String
        public var stored: StoredReturn?
    }

    /// The About answers a return needs before it can be compared with anyone's.
    static let required: [CompletedReturn.AboutQuestion] = [.organisation, .organisationType, .region, .round, .validation]
}

extension PublicationPipeline {
    /// Reads `paths` for the store, two at a time or more (one per core), every problem reported in one
    /// pass, in the order the files were given. `variantsFolder` holds the variants a return may name.
    public func readForStore(_ paths: [String], variantsFolder: String) throws -> [ReturnIntake.Item] {
        guard let national = try assessmentContext(variant: nil) else { return [] }
        // Each file's variant, read from its stamp; the contexts resolved once per variant.
        let stamps = paths.map { ReturnReader.peekStamp(URL(fileURLWithPath: $0)) }
        var contexts: [String: AssessmentContext?] = [:]
        for id in Set(stamps.compactMap { $0?.variant }).sorted() {
            guard let folder = VariantPaths.folder(ofVariant: id, in: variantsFolder) else {
                contexts[id] = .some(nil)
                continue
            }
            contexts[id] = .some(try assessmentContext(variant: folder))
        }
        // Nil where the variant a return names is not there (or did not resolve: reported already).
        let chosen: [AssessmentContext?] = stamps.map { stamp in stamp?.variant.map { contexts[$0] ?? nil } ?? national }

        let form = national.strategy.assessmentForm
        let progress = self.progress
        let warningsAsErrors = collector.warningsAsErrors
        let results = IntakeResults(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            // The command's policy, so that under --warnings-as-errors a return with a warning is refused
            // here, not recorded and then reported as an error.
            let collector = DiagnosticCollector(warningsAsErrors: warningsAsErrors)
            defer {
                results.finish(index, collector.diagnostics)
                progress?(.readingReturns(done: results.done, of: paths.count))
            }
            guard let context = chosen[index] else {
                collector.report(Diagnostic(
                    .returnUnknownVariant,
                    "'\(path)' was made from variant '\(stamps[index]?.variant ?? "")', which is not a variant in '\(variantsFolder)': give the folder that holds it with --variants",
                    at: SourceRange(at: .wholeFile(path))))
                return
            }
            let reader = ReturnReader(strategy: context.strategy, expecting: .init(
                edition: context.strategy.edition, contentHash: context.stamp.hash.hex, variant: context.variant))
            guard let data = FileManager.default.contents(atPath: path) else {
                collector.report(Diagnostic(.returnUnreadable, "'\(path)' cannot be read as an assessment return: there is no such file",
                                            at: SourceRange(at: .wholeFile(path))))
                return
            }
            guard let completed = reader.read(URL(fileURLWithPath: path), path: path, reportingTo: collector),
                  !collector.hasErrors else { return }
            results.store(index, Self.stored(completed, data: data, context: context, form: form, reportingTo: collector))
        }
        for index in paths.indices { collector.report(results.diagnostics[index]) }
        return paths.indices.map { ReturnIntake.Item(path: paths[$0], stored: results.stored[$0]) }
    }

    /// The return as the store keeps it; nil (reported) when an About answer the benchmark needs is
    /// missing or not one of its list's choices.
    static func stored(_ completed: CompletedReturn, data: Data, context: AssessmentContext, form: AssessmentForm?,
                       reportingTo collector: DiagnosticCollector) -> StoredReturn? {
        let path = completed.path
        var fine = true
        for question in ReturnIntake.required where completed.about(question).isEmpty {
            fine = false
            collector.report(Diagnostic(
                .returnAboutMissing,
                "'\(path)' does not answer '\(question.label)' on its About sheet: a return is compared with its peers only when it says who and when it is",
                at: completed.range(of: question)))
        }
        let lists: [(CompletedReturn.AboutQuestion, [String])] = [
            (.organisationType, form?.organisationTypes ?? []), (.region, form?.regions ?? []),
            (.validation, form?.validations ?? []),
        ]
        for (question, choices) in lists {
            let answer = completed.about(question)
            guard !answer.isEmpty, !choices.isEmpty, !choices.contains(answer) else { continue }
            fine = false
            let suggestion = Suggestion.closest(to: answer, among: choices)
            collector.report(Diagnostic(
                .returnAboutInvalid,
                "'\(path)' answers '\(question.label)' with '\(answer)', which is not one of the list's choices"
                    + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                at: completed.range(of: question)))
        }
        guard fine else { return nil }
        let validations = form?.validations ?? []
        // The list's first choice is the council's own judgement; any other was checked from outside.
        let basis: StoredReturn.Basis = completed.about(.validation) == validations.first ? .selfAssessed : .validated
        var answers: [StoredReturn.Answer] = []
        for group in context.published.themes {
            for area in group.keyAreas {
                for indicator in area.indicators {
                    let answer = completed.answers[indicator.id]
                    answers.append(StoredReturn.Answer(
                        indicator: indicator.id, keyArea: area.id, current: answer?.current, target: answer?.target,
                        local: context.localIndicators.contains(indicator.id)))
                }
            }
        }
        return StoredReturn(
            contentHash: SHA256Hex.of(data),
            fileName: (path as NSString).lastPathComponent, council: completed.about(.organisation),
            councilType: completed.about(.organisationType), region: completed.about(.region),
            role: completed.about(.role), department: completed.about(.department), round: completed.about(.round),
            assessedOn: completed.about(.date), basis: basis, edition: completed.stamp?.edition ?? context.strategy.edition,
            modelEdition: context.strategy.edition, modelHash: context.stamp.hash.hex, variant: context.variant,
            answers: answers)
    }
}

/// Results filled in from several threads, each index by one thread only.
private final class IntakeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private(set) var stored: [StoredReturn?]
    private(set) var diagnostics: [[Diagnostic]]

    init(count: Int) {
        stored = Array(repeating: nil, count: count)
        diagnostics = Array(repeating: [], count: count)
    }

    var done: Int {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    func store(_ index: Int, _ value: StoredReturn?) {
        lock.lock()
        defer { lock.unlock() }
        stored[index] = value
    }

    func finish(_ index: Int, _ found: [Diagnostic]) {
        lock.lock()
        defer { lock.unlock() }
        diagnostics[index] = found
        finished += 1
    }
}
