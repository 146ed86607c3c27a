import ArgumentParser
import StrategyPipeline
import StrategyRender

/// What `read-return` and `report` read returns against: a strategy folder, or a variant resolved onto
/// its bases. The returns themselves are the positional arguments, so the folder is an option here.
struct ReturnSourceOptions: ParsableArguments {
    @Option(help: "The strategy folder the returns were made from.", completion: .directory)
    var strategy: String = "Strategy"

    @Option(help: "The variant folder the returns were made from (Variants/<id>), resolved onto its bases.",
            completion: .directory)
    var variant: String?

    func request(templates: TemplateSet.Source? = nil, output: String? = nil) -> PublicationRequest {
        PublicationRequest(strategyFolder: strategy, templates: templates, outputFolder: output,
                           generator: "strategyc \(StrategycVersion.current)")
    }
}
