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
            let areas = strategy.allKeyAreas
            let active = areas.filter { $0.status == .active }
            let indicators = active.flatMap(\.indicators)
            let descriptors = indicators.reduce(0) { $0 + $1.descriptors.count }
            let warnings = compilation.diagnostics.filter { $0.severity == .warning }.count
            Output.standardOutput(
                "\(options.folder): \(strategy.title) \(strategy.edition): \(strategy.themes.count) themes, "
                    + "\(active.count) active key areas (\(areas.count - active.count) retired), "
                    + "\(indicators.count) indicators, \(descriptors) descriptors, \(strategy.levels.count) levels; "
                    + "no errors, \(warnings) warning\(warnings == 1 ? "" : "s") in \(compilation.fileCount) files\n")
        }
    }
}
