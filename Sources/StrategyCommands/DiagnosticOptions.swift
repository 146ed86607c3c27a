import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel

extension DiagnosticFormat: ExpressibleByArgument {}

/// Options shared by every command that compiles the sources.
struct CompileOptions: ParsableArguments {
    @Argument(help: "The strategy folder.", completion: .directory)
    var folder: String = "Strategy"

    @Option(name: .customLong("diagnostics-format"),
            help: "How to write diagnostics: text, json or github (workflow annotations).")
    var diagnosticsFormat: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    /// Compiles the folder and writes its diagnostics. Returns the model only when there are no errors;
    /// otherwise throws the exit status to use.
    func compile() throws -> (Strategy, Compilation) {
        try compile(folder: folder)
    }

    /// The same, for another folder (the two sides of a diff, a previous edition).
    func compile(folder: String) throws -> (Strategy, Compilation) {
        let compilation: Compilation
        do {
            compilation = try StrategyCompiler().compile(folder: folder)
        } catch let error as StrategyReadError {
            Output.standardError("strategyc: error: \(error)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var diagnostics = compilation.diagnostics
        if warningsAsErrors {
            diagnostics = diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.severity == .warning { diagnostic.severity = .error }
                return diagnostic
            }
        }
        write(diagnostics)
        guard let strategy = compilation.strategy, !diagnostics.containsErrors else {
            throw ExitCode(ExitStatus.errors.rawValue)
        }
        return (strategy, compilation)
    }

    /// Text and JSON go to standard error, keeping standard output for the command's own result;
    /// GitHub annotations go to standard output, where the Actions runner reads workflow commands.
    func write(_ diagnostics: [Diagnostic]) {
        let rendered = diagnosticsFormat.render(diagnostics)
        switch diagnosticsFormat {
        case .text where diagnostics.isEmpty: break
        case .text, .json: Output.standardError(rendered)
        case .github: Output.standardOutput(rendered)
        }
    }
}

enum Output {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
