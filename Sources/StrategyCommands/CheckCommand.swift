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
            to its published ids: none removed, changed or reused.
            """
    )

    @OptionGroup var options: CompileOptions
    @OptionGroup var publication: PublicationOptions

    @Option(help: "An earlier edition to hold ids against: git:REV[:PATH] or a folder. Defaults to previous_edition.")
    var since: String?

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(
            options.request(templates: publication.templates, output: publication.output, since: since),
            collector: collector)
        let result = try options.perform(collector) { try pipeline.publish() }
        try options.finish(collector)
        guard let result else { return }
        Output.wrote(options, CheckSummary(publication: result, warnings: collector.warningCount)
            .line(folder: options.folder))
    }
}
