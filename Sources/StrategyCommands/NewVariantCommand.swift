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
        let id = self.id ?? VariantID.proposed(for: audience)
        let folder = (variants.hasSuffix("/") ? String(variants.dropLast()) : variants) + "/" + id
        guard !FileManager.default.fileExists(atPath: folder) else {
            Output.standardError("strategyc: error: \(folder) already exists; choose another --id, or edit it\n")
            throw ExitCode.errors
        }
        // The base's edition, so the variant records what it was written against.
        let options = try CompileOptions.parse([])
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(options.request(), collector: collector)
        let isVariant = FileManager.default.fileExists(atPath: base + "/variant.md")
        let edition: String
        if isVariant {
            guard let resolved = try options.perform(collector, { try pipeline.resolveVariant(base) }), !collector.hasErrors else {
                try options.fail(collector)
            }
            edition = resolved.base.edition
        } else {
            let reporter = try CompileOptions.parse([base])
            let (strategy, _) = try reporter.compile(collector)
            edition = strategy.edition
        }
        let relativeBase = VariantPaths.relative(from: folder, to: base)
        let text = """
            ---
            # A slug. Ids of the key areas and indicators this variant adds start with "\(id)-".
            id: \(id)
            title: \(Scaffold.yamlScalar(audience + " procurement strategy"))
            for: \(Scaffold.yamlScalar(audience))
            # Who publishes it, as its pages, toolkit.md and workbook say; left out, the base's publisher.
            publisher: \(Scaffold.yamlScalar(audience))
            # county, district, unitary, metropolitan, london-borough, combined-authority or region
            type: \(type)
            # The strategy folder or another variant's folder, relative to this folder.
            base: \(relativeBase)
            # The edition this variant was written against; check tells you when the base moves on.
            base_edition: \(edition)
            # What you leave out, each with a reason that is published:
            #   - id: engaging-strategic-suppliers
            #     reason: ...
            exclude: []
            # Your own wording for a text: id, then level (a descriptor) or field (description, what-it-is,
            # why-it-is-important), then text: |. Check proposes the base: fingerprint to add.
            overrides: []
            # Per key area: weight (a positive number), target and minimum_target (level ids).
            priorities: []
            ---

            TODO: say in a few sentences how this variant differs from its base and why.

            """
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try text.write(toFile: folder + "/variant.md", atomically: true, encoding: .utf8)
        Output.standardOutput("wrote \(folder)/variant.md: variant '\(id)'; the key areas and indicators it adds start with "
            + "'\(id)-'\(self.id == nil ? " (choose another id with --id)" : "")\n")
    }
}

/// A short id for a variant, from the name of the organisation it is for. Every id the variant adds starts
/// with it, so "London Borough of Camden" proposes `camden`, not `london-borough-of-camden`: the words that
/// only say what kind of organisation it is are left out, unless nothing else is left.
enum VariantID {
    static let kindWords: Set<String> = [
        "the", "of", "and", "council", "borough", "district", "county", "city", "metropolitan", "london", "royal",
        "combined", "authority", "unitary", "town", "parish", "region", "regional", "procurement", "strategy",
    ]

    static func proposed(for audience: String) -> String {
        let slug = Slug.make(from: audience)
        let words = slug.split(separator: "-").filter { !kindWords.contains(String($0)) }
        return words.isEmpty ? slug : words.joined(separator: "-")
    }
}
