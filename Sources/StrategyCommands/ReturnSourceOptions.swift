import ArgumentParser
import StrategyPipeline
import StrategyRender

/// `--strategy`: the strategy folder, for the commands whose positional arguments are returns or whose
/// input is the store (`read-return`, `report`, `returns add`, `benchmark`). Declared here once.
struct StrategyOption: ParsableArguments {
    @Option(name: .customLong("strategy"),
            help: ArgumentHelp("The strategy folder the returns are read against.", discussion: "Default: Strategy."),
            completion: .directory)
    var given: String?

    /// The strategy folder: the one given, or `Strategy`.
    var folder: String { given ?? "Strategy" }
}

/// What `read-return` and `report` read returns against: a strategy folder, or a variant resolved onto
/// its bases. The returns themselves are the positional arguments, so the folder is an option here.
struct ReturnSourceOptions: ParsableArguments {
    @OptionGroup var strategyOption: StrategyOption
    @OptionGroup var variantOption: VariantOption

    /// The strategy folder: the one given, or `Strategy`.
    var strategy: String { strategyOption.folder }
    var variant: String? { variantOption.folder }

    func validate() throws {
        if strategyOption.given != nil && variant != nil {
            throw ValidationError("give --strategy or --variant, not both: a variant's base strategy is the one its variant.md names")
        }
    }

    func request(templates: TemplateSet.Source? = nil, output: String? = nil) -> PublicationRequest {
        PublicationRequest(strategyFolder: strategy, templates: templates, outputFolder: output,
                           generator: "strategyc \(StrategycVersion.current)")
    }
}
