import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyDiagnostics

/// `strategyc variant accept-base DIR`: after an editor has read the base texts that changed under the
/// variant's overrides, records their new fingerprints, so that publication goes ahead. It changes only
/// the `base:` values of the overrides whose base text changed, in the variant's own `variant.md`.
struct VariantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variant",
        abstract: "Work on a variant: accept base texts that changed under its overrides.",
        subcommands: [AcceptBase.self]
    )

    struct AcceptBase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept-base",
            abstract: "Record that the changed base texts under the variant's overrides have been reviewed.")

        @Argument(help: "The variant folder (Variants/<id>).", completion: .directory)
        var folder: String

        func run() throws {
            let options = try CompileOptions.parse([])
            let collector = DiagnosticCollector()
            let action = AcceptBaseAction(PublicationPipeline(options.request(), collector: collector), folder: folder)
            switch try options.perform(collector, { try action.perform() }) {
            case nil:
                try options.fail(collector)
            case .blocked(let blocking):
                options.write(blocking)
                throw ExitCode.errors
            case .nothingToAccept(let path):
                Output.standardOutput("\(path): every override matches its base text; nothing to accept\n")
            case .written(let path, let accepted, let recorded):
                let said = [(accepted, "accepted", "changed base text"), (recorded, "recorded", "base text")]
                    .filter { $0.0 > 0 }.map { "\($0.1) \($0.0) \($0.2)\($0.0 == 1 ? "" : "s")" }
                Output.standardOutput("wrote \(path): \(said.joined(separator: ", "))\n")
            }
        }
    }
}
