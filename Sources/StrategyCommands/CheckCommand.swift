import ArgumentParser
import StrategyModel

/// `strategyc check [DIR]`: reports every problem in the sources, and nothing else.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the strategy sources and report every problem."
    )

    @OptionGroup var options: CompileOptions

    func run() throws {
        let (strategy, compilation) = try options.compile()
        if options.diagnosticsFormat == .text {
            Output.standardOutput(CheckSummary(strategy: strategy, compilation: compilation).line(folder: options.folder))
        }
    }
}
