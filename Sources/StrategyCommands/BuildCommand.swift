import ArgumentParser
import StrategyModel
import StrategyPipeline

/// `strategyc build [DIR] --out _site`: runs the publication pipeline and, only if nothing is wrong,
/// writes the published toolkit (site, toolkit.md, workbook, model.json) atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the sources and write the published toolkit (site, toolkit.md, workbook, model.json).",
        discussion: """
            The output is built in a temporary folder and moved into place only when everything succeeded: \
            a failed build leaves the previous output untouched. An existing output folder is replaced only \
            if it is empty or holds exactly what an earlier build wrote (its .strategyc-output.json); the \
            working folder, the sources, the templates, a folder holding .git, the home folder and links are \
            never replaced. See docs/output.md. With --variant, the variant's site is built under its own \
            title and introduction, with its origins, overrides and priorities.
            """
    )

    @OptionGroup var options: CompileOptions
    @OptionGroup var publication: PublicationOptions
    @OptionGroup var since: SinceOption
    @OptionGroup var variant: VariantOption

    @Option(help: "Build every variant in this folder, each into a folder of its own, with an index.",
            completion: .directory)
    var variants: String?

    func run() throws {
        let collector = options.makeCollector()
        // A batch's variants each hold their own base_edition; --since is for one strategy or variant.
        var pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output,
                            since: variants == nil ? since.since : nil),
            collector: collector)
        // A batch is long enough to want a progress line on a terminal; a single build is not.
        let progress = (variants != nil || publication.withVariants != nil) ? ProgressLine.forTerminal() : nil
        if let progress { pipeline.progress = { @Sendable update in progress.update(update) } }
        let line: String
        if let variants {
            let files = try options.perform(collector) {
                try VariantBatchAction(pipeline, folder: variants, goal: .build).perform()
            }
            progress?.finish()
            guard let files, !collector.hasErrors else { try options.fail(collector) }
            let summary = VariantBatchSummary(files)
            line = "wrote \(publication.output)/: \(summary.sites) variant sites and an index (\(summary.files) files)"
        } else if let folder = variant.folder {
            let outcome = try options.perform(collector) {
                try VariantPublishAction(pipeline, folder: folder, goal: .build).perform()
            }
            progress?.finish()
            guard let outcome, !collector.hasErrors else { try options.fail(collector) }
            line = Self.wrote(publication.output, PublicationSummary(outcome.publication), withVariants: false)
        } else {
            let outcome = try options.perform(collector) {
                try PublishAction(pipeline, goal: .build, withVariants: publication.withVariants).perform()
            }
            progress?.finish()
            guard let outcome, !collector.hasErrors else { try options.fail(collector) }
            line = Self.wrote(publication.output, PublicationSummary(outcome.publication),
                              withVariants: publication.withVariants != nil)
        }
        try options.finish(collector)
        Output.wrote(options, line)
    }

    private static func wrote(_ output: String, _ summary: PublicationSummary, withVariants: Bool) -> String {
        let prefix = PublicationPipeline.variantsFolder + "/"
        let variants = withVariants
            ? ", and \(summary.variantSites) variant site\(summary.variantSites == 1 ? "" : "s") with their index under \(prefix)"
            : ""
        return "wrote \(output)/: \(summary.pages) pages, toolkit.md, assessment.xlsx, assessment.csv, model.json\(variants) "
            + "(\(summary.files) files)"
    }
}
