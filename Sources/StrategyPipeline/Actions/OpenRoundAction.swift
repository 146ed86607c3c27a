import Foundation
import StrategyDiagnostics
import StrategyModel
import StrategyStore

/// `strategyc collect open`: a round of the online diagnostic opened for the strategy or a variant, with an
/// invitation for every organisation of the organisations file, and the invitation links written to the
/// links file. Nothing is opened when anything is wrong: the strategy or variant, any row of the
/// organisations file, the year, the base URL, a round the store already holds, or a links file that is
/// already there (the links are the only copy of the tokens, so an earlier file is never replaced).
public struct OpenRoundAction: PipelineAction {
    public let pipeline: PublicationPipeline
    public let store: String
    public let round: String
    /// The variant folder, or nil for the strategy.
    public let variant: String?
    public let organisations: String
    public let links: String
    /// The origin (and path, if the server is behind one) the links point to.
    public let baseURL: String
    /// The folder of the variants, which the round's returns are read against.
    public let variantsFolder: String
    public let openedAt: String

    public init(_ pipeline: PublicationPipeline, store: String, round: String, variant: String?, organisations: String,
                links: String, baseURL: String, variantsFolder: String, openedAt: String) {
        (self.pipeline, self.store, self.round, self.variant, self.organisations, self.links, self.baseURL, self.variantsFolder,
         self.openedAt) = (pipeline, store, round, variant, organisations, links, baseURL, variantsFolder, openedAt)
    }

    public struct Work: ActionWork {
        public var stopped = false
        var context: AssessmentContext?
        var organisations: [CollectStore.Organisation] = []
        var outcome: Outcome?
    }

    public struct Outcome: Sendable {
        public var round: CollectStore.Round
        public var invitations: Int
    }

    public func start() -> Work { Work() }

    public var steps: [ActionStep<Work>] {
        [
            ActionStep("check the round and the links file") { _ in checkRequest() },
            ActionStep("resolve the strategy or variant") { work in
                work.context = try pipeline.assessmentContext(variant: variant)
                work.stopped = work.context == nil
            },
            ActionStep("read the organisations") { work in
                let form = work.context?.strategy.assessmentForm
                work.organisations = RoundFiles.readOrganisations(organisations, form: form, reportingTo: pipeline.collector) ?? []
            },
            ActionStep("open the round and write the links") { work in
                guard let context = work.context, !pipeline.collector.hasErrors else { return }
                work.outcome = try openRound(context, work.organisations)
            },
        ]
    }

    public func outcome(of work: Work) -> Outcome? { work.outcome }

    private func checkRequest() {
        if round.count != 4 || !round.allSatisfy(\.isASCII) || !(2000...2100).contains(Int(round) ?? 0) {
            pipeline.collector.report(Diagnostic(.collectRoundInvalid, "the round '\(round)' is not a year from 2000 to 2100, such as 2026",
                                                 at: SourceRange(at: .wholeFile(store))))
        }
        let url = URL(string: baseURL)
        if url?.scheme.map({ ["http", "https"].contains($0) }) != true || url?.host?.isEmpty != false || url?.query != nil
            || url?.fragment != nil {
            pipeline.collector.report(Diagnostic(
                .collectRoundInvalid, "--base-url '\(baseURL)' is not an http or https address without a query, such as https://diagnostic.example.org",
                at: SourceRange(at: .wholeFile(store))))
        }
        if FileManager.default.fileExists(atPath: links) {
            pipeline.collector.report(Diagnostic(
                .outputNotOwned, "'\(links)' already exists: invitation links are written once, so an earlier file is never replaced; choose another --links",
                at: SourceRange(at: .wholeFile(links))))
        }
    }

    private func openRound(_ context: AssessmentContext, _ organisations: [CollectStore.Organisation]) throws -> Outcome? {
        let collect = try CollectStore(path: store, create: true)
        let strategy = context.strategy
        let request = CollectStore.RoundSettings(
            round: round, variant: context.variant, title: strategy.title,
            strategyFolder: Self.absolute(pipeline.request.strategyFolder), variantFolder: variant.map(Self.absolute),
            variantsFolder: Self.absolute(variantsFolder), modelHash: context.stamp.hash.hex, baseURL: baseURL)
        // The links go to a file beside the final one, then into place once the round is committed.
        let staging = links + ".strategyc-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let outcome: CollectStore.OpenOutcome
        do {
            outcome = try collect.open(request, organisations: organisations, at: openedAt) { invitations in
                let text = RoundFiles.links(invitations, baseURL: baseURL)
                // The tokens are secrets: the file is the owner's to read only.
                guard FileManager.default.createFile(atPath: staging, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw OutputWriteFailure(path: links, reason: "the file cannot be created")
                }
            }
        } catch let failure as OutputWriteFailure {
            throw failure
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(store, "\(error)")
        }
        switch outcome {
        case .exists(let existing):
            pipeline.collector.report(Diagnostic(
                .collectRoundExists,
                "the store already holds round \(round) of \(existing.variant.map { "variant '\($0)'" } ?? "the national strategy")"
                    + (existing.isOpen ? ", open since \(existing.openedAt)" : ", closed at \(existing.closedAt ?? "")"),
                at: SourceRange(at: .wholeFile(store))))
            return nil
        case .opened(let opened, let invitations):
            do {
                try FileManager.default.moveItem(atPath: staging, toPath: links)
            } catch {
                throw OutputWriteFailure(path: links, reason: "the round is open, but its links could not be moved into place from \(staging): \(error.localizedDescription)")
            }
            return Outcome(round: opened, invitations: invitations.count)
        }
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
