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

    @Option(help: "Build a variant folder (Variants/<id>) resolved onto its bases, instead of the strategy.",
            completion: .directory)
    var variant: String?

    func run() throws {
        let collector = options.makeCollector()
        let pipeline = PublicationPipeline(
            options.request(templates: publication.templates, output: publication.output), collector: collector)
        let result = try options.perform(collector) {
            try variant.map { try pipeline.publishVariant($0) } ?? pipeline.publish()
        }
        guard let result, !collector.hasErrors else {
            try options.finish(collector)
            throw ExitCode(ExitStatus.errors.rawValue)
        }
        try options.perform(collector) { try pipeline.write(result) }
        try options.finish(collector)
        let pages = result.files.filter { $0.path.hasSuffix(".html") }.count
        Output.wrote(options, "wrote \(publication.output)/: \(pages) pages, toolkit.md, assessment.xlsx, "
            + "assessment.csv, model.json (\(result.files.count) files)")
    }
}
