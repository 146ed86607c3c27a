import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel
import StrategySupport

/// The program's entry point, kept out of the executable so that tests can reach it.
///
/// Argument Parser exits with 64 for usage errors; strategyc promises 2 (as grep and diff do), so usage
/// errors are caught and mapped here. A mistyped subcommand gets a "did you mean", as options already do.
public enum StrategycMain {
    public static func main(_ arguments: [String]? = nil) async -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        if let first = arguments.first, let message = unknownSubcommand(first) {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        do {
            var command = try StrategycCommand.parseAsRoot(arguments)
            // `serve` runs a server and is asynchronous; every other command is synchronous.
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            StrategycCommand.exit()
        } catch {
            if StrategycCommand.exitCode(for: error) == .validationFailure {
                let message = StrategycCommand.fullMessage(for: error)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            StrategycCommand.exit(withError: error)
        }
    }

    /// The error for a first argument that looks like a subcommand but is none, with the nearest name.
    static func unknownSubcommand(_ word: String) -> String? {
        guard !word.hasPrefix("-"), word.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let names = StrategycCommand.configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(word) else { return nil }
        let suggestion = Suggestion.closest(to: word, among: names).map { " Did you mean '\($0)'?" } ?? ""
        return "Error: Unknown subcommand '\(word)'.\(suggestion)\nUsage: strategyc <subcommand>\n"
            + "  See 'strategyc --help' for more information."
    }
}

/// The process exit statuses strategyc uses.
enum ExitStatus: Int32 {
    case clean = 0
    case errors = 1
    case usage = 2
}

extension ExitCode {
    /// The input had errors (diagnosed), or a command could not do its work: status 1.
    static let errors = ExitCode(ExitStatus.errors.rawValue)
    /// The command was used wrongly, or a file it needs could not be read: status 2.
    static let usage = ExitCode(ExitStatus.usage.rawValue)
}
