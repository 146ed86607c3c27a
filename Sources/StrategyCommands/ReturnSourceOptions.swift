import ArgumentParser
import StrategyPipeline
import StrategyRender

/// What `read-return` and `report` read returns against: a strategy folder, or a variant resolved onto
/// its bases. The returns themselves are the positional arguments, so the folder is an option here.
struct ReturnSourceOptions: ParsableArguments {
    @Option(name: .customLong("strategy"), help: ArgumentHelp("The strategy folder the returns were made from.", discussion: "Default: Strategy."),
            completion: .directory)
    var strategyOption: String?

    @Option(help: "The variant folder the returns were made from (Variants/<id>), resolved onto its bases.",
            completion: .directory)
    var variant: String?

    /// The strategy folder: the one given, or `Strategy`.
    var strategy: String { strategyOption ?? "Strategy" }

    func validate() throws {
        if strategyOption != nil && variant != nil {
            throw ValidationError("give --strategy or --variant, not both: a variant's base strategy is the one its variant.md names")
        }
    }

    func request(templates: TemplateSet.Source? = nil, output: String? = nil) -> PublicationRequest {
        PublicationRequest(strategyFolder: strategy, templates: templates, outputFolder: output,
                           generator: "strategyc \(StrategycVersion.current)")
    }
}
