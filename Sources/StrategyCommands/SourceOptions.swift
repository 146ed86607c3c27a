import ArgumentParser
import StrategyPipeline

/// The strategy folder a command works on: the one positional argument of every command that compiles a
/// strategy, declared here once.
struct StrategyFolderArgument: ParsableArguments {
    @Argument(help: "The strategy folder.", completion: .directory)
    var folder: String = "Strategy"
}

/// `--variant`: work on a variant resolved onto its bases instead of on the strategy folder. Declared
/// once for check, build, export, workbook and serve, so it reads and behaves the same in each; what a
/// command does with a variant is said in its own discussion.
struct VariantOption: ParsableArguments {
    @Option(help: ArgumentHelp("A variant folder (Variants/<id>), resolved onto its bases, instead of the strategy.",
                               discussion: "Its variant.md names its base, so the strategy folder need not be given."),
            completion: .directory)
    var variant: String?

    /// The variant folder as given, or nil for the strategy folder.
    var folder: String? { variant }
}

/// `--since`: the previous edition, declared once for check, build and serve. The same edition serves
/// both purposes everywhere: the strategy is held to its ids, and the site's "What changed since" page
/// compares with it.
struct SinceOption: ParsableArguments {
    @Option(help: ArgumentHelp("The previous edition: git:REV[:PATH] or a folder.",
                               discussion: "Its ids are held (none removed, changed or reused) and the site's \"What changed since\" page compares with it. Defaults to previous_edition in strategy.md; without either, neither is done."),
            completion: .directory)
    var since: String?
}
