import ArgumentParser
import StrategyModel
import StrategyCompiler

/// `strategyc dump [DIR]`: the model as an indented tree with source positions, for authors who want to
/// see how the compiler read their files.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the model as a tree with source positions."
    )

    @OptionGroup var options: CompileOptions

    func run() throws {
        let (strategy, _) = try options.compile(options.makeCollector())
        Output.standardOutput(ModelDumper(root: options.folder).dump(strategy))
    }
}
