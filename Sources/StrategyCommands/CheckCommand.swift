import ArgumentParser
import StrategyCompiler
import StrategyModel
import StrategyPipeline

/// `strategyc check [DIR]`: reports every problem that would stop `build`, and writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the sources, templates, previous edition and output folder; report every problem.",
        discussion: """
            check runs every stage of build except writing: the sources, the templates (with the same \
            --templates), the previous edition, the workbook, and whether the output folder (--out) may be \
            replaced. With --since REV|FOLDER (or previous_edition in strategy.md) it also holds the strategy \
            to its published ids: none removed, changed or reused.
            """
    )

    @OptionGroup var options: CompileOptions
    @OptionGroup var publication: PublicationOptions

    @Option(help: "An earlier edition to hold ids against: git:REV[:PATH] or a folder. Defaults to previous_edition.")
    var since: String?

    @Option(help: "Check a variant folder (Variants/<id>) resolved onto its bases, instead of the strategy.",
            completion: .directory)
    var variant: String?

    func run() throws {
        if let variant { return try checkVariant(variant) }
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output, since: since),
            collector: collector)
        let result = try options.perform(collector) { try pipeline.publish(withVariants: publication.withVariants) }
        try options.finish(collector)
        guard let result else { return }
        Output.wrote(options, CheckSummary(publication: result, warnings: collector.warningCount)
            .line(folder: options.folder))
    }

    /// The variant's chain of bases, every layer checked against what it is laid on, and the resolved
    /// model held to the same rules and rendered in memory (site, workbook, with the variant's template
    /// overrides), exactly as `build --variant` would.
    private func checkVariant(_ folder: String) throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output), collector: collector)
        let resolved = try options.perform(collector) { try pipeline.publishVariant(folder, checkingOutput: true) }?.resolved
        try options.finish(collector)
        guard let resolved, let variant = resolved.variant else { return }
        let added = resolved.origins.values.filter { if case .added = $0 { return true } else { return false } }.count
        let changed = resolved.replacements.count
        Output.wrote(options, "\(folder): \(variant.title) (\(variant.organisationType.rawValue), \(resolved.layers.count) "
            + "layer\(resolved.layers.count == 1 ? "" : "s") on edition \(resolved.base.edition)): "
            + "\(resolved.exclusions.count) left out, \(changed) text\(changed == 1 ? "" : "s") changed, \(added) added, "
            + "\(resolved.priorities.count) priorit\(resolved.priorities.count == 1 ? "y" : "ies"); no errors, "
            + "\(collector.warningCount) warning\(collector.warningCount == 1 ? "" : "s")")
    }
}
