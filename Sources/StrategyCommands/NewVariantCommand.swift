import ArgumentParser
import Foundation
import StrategyModel
import StrategyPipeline
import StrategyDiagnostics

/// `strategyc new variant --base Strategy --for "Riverside District Council"`: scaffolds
/// `Variants/<id>/variant.md` with every key present and a comment saying what it is for. Never overwrites.
struct NewVariant: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "variant",
        abstract: "Scaffold a regional or council variant of the strategy (or of another variant).")

    @Option(help: "The base: the strategy folder, or another variant's folder.", completion: .directory)
    var base: String = "Strategy"

    @Option(name: .customLong("for"), help: "The organisation or region the variant is for.")
    var audience: String

    @Option(help: "county, district, unitary, metropolitan, london-borough, combined-authority or region.")
    var type: String = "district"

    @Option(help: "The folder that holds variants.", completion: .directory)
    var variants: String = "Variants"

    @Option(help: "The variant's id, a short slug that prefixes every id it adds (default: proposed from --for).")
    var id: String?

    func validate() throws {
        guard !Slug.make(from: audience).isEmpty else { throw ValidationError("--for needs letters or digits, to make an id from") }
        if let id, !Slug.isValid(id) {
            throw ValidationError("--id must be a slug (lowercase letters, digits and single hyphens), such as '\(Slug.make(from: id))'")
        }
        guard VariantLayer.OrganisationType(rawValue: type) != nil else {
            throw ValidationError("--type must be one of: " + VariantLayer.OrganisationType.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let options = try CompileOptions.parse([])
        let collector = DiagnosticCollector()
        let action = NewVariantAction(PublicationPipeline(options.request(), collector: collector), base: base, audience: audience,
                                      type: type, variants: variants, id: id)
        switch try options.perform(collector, { try action.perform() }) {
        case nil:
            try options.fail(collector)
        case .exists(let folder):
            Output.standardError("strategyc: error: \(folder) already exists; choose another --id, or edit it\n")
            throw ExitCode.errors
        case .written(let path):
            Output.standardOutput("wrote \(path): variant '\(action.id)'; the key areas and indicators it adds start with "
                + "'\(action.id)-'\(id == nil ? " (choose another id with --id)" : "")\n")
        }
    }
}
