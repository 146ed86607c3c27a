import ArgumentParser
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
            to its published ids: none removed, changed or reused. With --variant, the variant's chain of \
            bases is checked layer by layer and the result rendered in memory, as build --variant would.
            """
    )

    @OptionGroup var options: CompileOptions
    @OptionGroup var publication: PublicationOptions
    @OptionGroup var since: SinceOption
    @OptionGroup var variant: VariantOption

    func run() throws {
        let collector = options.makeCollector()
        // A variant's base edition is held by its own base_edition; --since is the national strategy's.
        let pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output,
                            since: variant.folder == nil ? since.since : nil),
            collector: collector)
        if let folder = variant.folder {
            let outcome = try options.perform(collector) {
                try VariantPublishAction(pipeline, folder: folder, goal: .check).perform()
            }
            try options.finish(collector)
            guard let resolved = outcome?.resolved, let summary = VariantSummary(resolved) else { return }
            Output.wrote(options, summary.checkLine(folder: folder, warnings: collector.warningCount))
        } else {
            let outcome = try options.perform(collector) {
                try PublishAction(pipeline, goal: .check, withVariants: publication.withVariants).perform()
            }
            try options.finish(collector)
            guard let outcome else { return }
            Output.wrote(options, PublicationSummary(outcome.publication)
                .checkLine(folder: options.folder, warnings: collector.warningCount))
        }
    }
}
