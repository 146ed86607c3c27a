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
            let pipeline = PublicationPipeline(options.request(), collector: collector)
            let resolved = try options.perform(collector) { try pipeline.resolveVariant(folder) }
            let own = (folder.hasSuffix("/") ? String(folder.dropLast()) : folder) + "/variant.md"
            let changes = collector.diagnostics.filter { [.overrideBaseChanged, .overrideBaseMissing].contains($0.code) && $0.range.path == own }
            let blocking = collector.diagnostics.filter { $0.severity == .error && ![.overrideBaseChanged, .overrideBaseMissing].contains($0.code) }
            guard resolved != nil, blocking.isEmpty else {
                options.write(blocking)
                throw ExitCode.errors
            }
            guard !changes.isEmpty else {
                Output.standardOutput("\(own): every override matches its base text; nothing to accept\n")
                return
            }
            var lines = try String(contentsOfFile: own, encoding: .utf8).components(separatedBy: "\n")
            // Later lines first, so earlier positions stay valid.
            for fixIt in changes.compactMap(\.fixIts.first).sorted(by: { $0.range.start > $1.range.start }) {
                let index = fixIt.range.start.line - 1
                guard index < lines.count else { continue }
                var utf8 = Array(lines[index].utf8)
                let start = fixIt.range.start.column - 1, end = max(start, fixIt.range.end.column - 1)
                guard start <= utf8.count, end <= utf8.count else { continue }
                utf8.replaceSubrange(start..<end, with: Array(fixIt.replacement.utf8))
                lines[index] = String(decoding: utf8, as: UTF8.self)
            }
            try lines.joined(separator: "\n").write(toFile: own, atomically: true, encoding: .utf8)
            let recorded = changes.filter { $0.code == .overrideBaseMissing }.count
            let accepted = changes.count - recorded
            let said = [(accepted, "accepted", "changed base text"), (recorded, "recorded", "base text")]
                .filter { $0.0 > 0 }.map { "\($0.1) \($0.0) \($0.2)\($0.0 == 1 ? "" : "s")" }
            Output.standardOutput("wrote \(own): \(said.joined(separator: ", "))\n")
        }
    }
}
