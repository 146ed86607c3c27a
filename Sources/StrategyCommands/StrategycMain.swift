import ArgumentParser
import Foundation

/// The program's entry point, kept out of the executable so that tests can reach it.
///
/// Argument Parser exits with 64 for usage errors; strategyc promises 2 (as grep and diff do), so usage
/// errors are caught and mapped here.
public enum StrategycMain {
    public static func main(_ arguments: [String]? = nil) -> Never {
        do {
            var command = try StrategycCommand.parseAsRoot(arguments)
            try command.run()
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
}

/// The process exit statuses strategyc uses.
enum ExitStatus: Int32 {
    case clean = 0
    case errors = 1
    case usage = 2
}
