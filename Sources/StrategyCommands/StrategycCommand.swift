import ArgumentParser

/// `strategyc`: compiles a living maturity strategy written as Markdown into a checked model and its
/// published forms.
public struct StrategycCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "strategyc",
        abstract: "Compile a maturity strategy written in Markdown into a checked model and published toolkit.",
        discussion: """
            Exit status: 0 when the sources are clean (warnings allowed), 1 when any error was reported, \
            2 for a usage problem or a folder that cannot be read.
            """,
        version: StrategycVersion.current,
        subcommands: [
            CheckCommand.self, BuildCommand.self, WorkbookCommand.self, ExportCommand.self, DiffCommand.self,
            NewCommand.self, VariantCommand.self, DumpCommand.self, ReadReturnCommand.self, ReportCommand.self,
            ReturnsCommand.self, BenchmarkCommand.self, ServeCommand.self, CollectCommand.self,
        ]
    )

    public init() {}
}

/// The generator version written into outputs; kept here so there is one place to bump.
public enum StrategycVersion {
    public static let current = "0.1.0"
}
