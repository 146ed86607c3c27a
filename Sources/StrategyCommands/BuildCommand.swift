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
            never replaced. See docs/output.md.
            """
    )

    @OptionGroup var options: CompileOptions
    @OptionGroup var publication: PublicationOptions

    @Option(help: ArgumentHelp("The previous edition, for the \"What changed since\" page: git:REV[:PATH] or a folder.",
                               discussion: "Defaults to previous_edition in strategy.md; without either there is no such page."),
            completion: .directory)
    var since: String?

    @Option(help: "Build a variant folder (Variants/<id>) resolved onto its bases, instead of the strategy.",
            completion: .directory)
    var variant: String?

    @Option(help: "Build every variant in this folder, each into a folder of its own, with an index.",
            completion: .directory)
    var variants: String?

    func run() throws {
        if let variants { return try buildVariants(variants) }
        let collector = options.makeCollector()
        var pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output, since: since),
            collector: collector)
        let progress = publication.withVariants == nil ? nil : ProgressLine.forTerminal()
        if let progress { pipeline.progress = { @Sendable update in progress.update(update) } }
        let result = try options.perform(collector) {
            try variant.map { try pipeline.publishVariant($0) } ?? pipeline.publish(withVariants: publication.withVariants)
        }
        progress?.finish()
        guard let result, !collector.hasErrors else {
            try options.fail(collector)
        }
        try options.perform(collector) { try pipeline.write(result) }
        try options.finish(collector)
        let prefix = PublicationPipeline.variantsFolder + "/"
        let pages = result.files.filter { $0.path.hasSuffix(".html") && !$0.path.hasPrefix(prefix) }.count
        let variantSites = Set(result.files.compactMap { file -> Substring? in
            guard file.path.hasPrefix(prefix) else { return nil }
            let parts = file.path.dropFirst(prefix.count).split(separator: "/")
            return parts.count > 1 && parts[0] != "assets" ? parts[0] : nil
        }).count
        let variants = publication.withVariants == nil ? ""
            : ", and \(variantSites) variant site\(variantSites == 1 ? "" : "s") with their index under \(prefix)"
        Output.wrote(options, "wrote \(publication.output)/: \(pages) pages, toolkit.md, assessment.xlsx, "
            + "assessment.csv, model.json\(variants) (\(result.files.count) files)")
    }

    private func buildVariants(_ folder: String) throws {
        let collector = options.makeCollector()
        var pipeline = PublicationPipeline(
            options.request(templates: publication.templateSource, output: publication.output), collector: collector)
        let progress = ProgressLine.forTerminal()
        if let progress { pipeline.progress = { @Sendable update in progress.update(update) } }
        let files = try options.perform(collector) { try pipeline.publishVariants(folder) }
        progress?.finish()
        guard let files, !collector.hasErrors else {
            try options.fail(collector)
        }
        try options.perform(collector) { try pipeline.write(files) }
        try options.finish(collector)
        let sites = Set(files.compactMap { $0.path.split(separator: "/").count > 1 ? $0.path.split(separator: "/").first : nil }
            .filter { $0 != "assets" }).count
        Output.wrote(options, "wrote \(publication.output)/: \(sites) variant sites and an index (\(files.count) files)")
    }
}
