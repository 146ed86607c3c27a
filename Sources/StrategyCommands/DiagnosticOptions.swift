import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyPipeline
import StrategyRender
import StrategyStore
import StrategyDiagnostics

extension DiagnosticFormat: ExpressibleByArgument {}

/// How a command reports: the diagnostics format, the warnings policy and the error limit. Every command
/// takes these, whether it compiles a strategy folder (`CompileOptions`) or reads returns.
struct DiagnosticOptions: ParsableArguments {
    @Option(name: .customLong("diagnostics-format"),
            help: "How to write diagnostics: text, json or github (workflow annotations).")
    var diagnosticsFormat: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors (from the sources, templates, previous edition and workbook alike).")
    var warningsAsErrors = false

    @Option(name: .customLong("error-limit"), help: "Show at most this many errors (all are still counted).")
    var errorLimit: Int?

    func validate() throws {
        if let errorLimit, errorLimit < 1 { throw ValidationError("--error-limit must be at least 1") }
    }

    func makeCollector() -> DiagnosticCollector {
        DiagnosticCollector(warningsAsErrors: warningsAsErrors, errorLimit: errorLimit)
    }

    /// Runs pipeline stages. A folder that cannot be read, or an output that cannot be written, is I/O:
    /// it is reported in the chosen format (JSON included) and ends the command with status 2.
    func perform<T>(_ collector: DiagnosticCollector, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StrategyReadError {
            try failIO(collector, Diagnostic(.folderUnreadable, error.description, at: SourceRange(at: .wholeFile(ioPath(error)))))
        } catch let failure as OutputWriteFailure {
            try failIO(collector, Diagnostic(.outputWriteFailed, failure.description, at: SourceRange(at: .wholeFile(failure.path))))
        } catch let failure as StoreError {
            try failIO(collector, Diagnostic(.storeUnusable, failure.description, at: SourceRange(at: .wholeFile(failure.path))))
        }
    }

    private func ioPath(_ error: StrategyReadError) -> String {
        switch error {
        case .notFound(let path), .notADirectory(let path), .unreadable(let path, _): path
        }
    }

    private func failIO(_ collector: DiagnosticCollector, _ diagnostic: Diagnostic) throws -> Never {
        collector.report(diagnostic)
        write(collector)
        throw ExitCode.usage
    }

    /// Writes what the collector holds and ends the command with status 1 whatever it holds: the one way
    /// out for a command whose action gave no result.
    func fail(_ collector: DiagnosticCollector) throws -> Never {
        write(collector)
        throw ExitCode.errors
    }

    /// Writes what the collector holds and ends the command with status 1 if any of it is an error.
    func finish(_ collector: DiagnosticCollector) throws {
        write(collector)
        if collector.hasErrors { throw ExitCode.errors }
    }

    /// Writes what the collector holds, saying how many errors the error limit left out.
    func write(_ collector: DiagnosticCollector) {
        write(collector.diagnostics)
        let hidden = collector.errorsOverLimit
        if hidden > 0 && diagnosticsFormat == .text {
            Output.standardError("strategyc: \(hidden) more error\(hidden == 1 ? "" : "s") not shown (--error-limit \(errorLimit ?? 0))\n")
        }
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

/// Options shared by every command that compiles a strategy folder: the folder, and how to report.
struct CompileOptions: ParsableArguments {
    @OptionGroup var strategy: StrategyFolderArgument

    var folder: String { strategy.folder }

    @OptionGroup var reporting: DiagnosticOptions

    var diagnosticsFormat: DiagnosticFormat { reporting.diagnosticsFormat }
    func makeCollector() -> DiagnosticCollector { reporting.makeCollector() }
    func perform<T>(_ collector: DiagnosticCollector, _ body: () throws -> T) throws -> T { try reporting.perform(collector, body) }
    func finish(_ collector: DiagnosticCollector) throws { try reporting.finish(collector) }
    func fail(_ collector: DiagnosticCollector) throws -> Never { try reporting.fail(collector) }
    func write(_ collector: DiagnosticCollector) { reporting.write(collector) }
    func write(_ diagnostics: [Diagnostic]) { reporting.write(diagnostics) }

    /// Compiles the folder through the pipeline's first stages, for commands that need only the model.
    /// Returns the model when there are no errors; otherwise writes the diagnostics and throws.
    func compile(_ collector: DiagnosticCollector) throws -> (Strategy, Compilation) {
        let pipeline = PublicationPipeline(request(), collector: collector)
        let compilation = try perform(collector) { try pipeline.compile() }
        guard let strategy = compilation.strategy, !collector.hasErrors else {
            try fail(collector)
        }
        return (strategy, compilation)
    }

    func request(templates: TemplateSet.Source? = nil, output: String? = nil, since: String? = nil) -> PublicationRequest {
        PublicationRequest(strategyFolder: folder, templates: templates, outputFolder: output, since: since,
                           generator: "strategyc \(StrategycVersion.current)")
    }
}

enum Output {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The closing line in text mode: what the command wrote.
    static func wrote(_ options: CompileOptions, _ text: String) {
        wrote(options.reporting, text)
    }

    static func wrote(_ options: DiagnosticOptions, _ text: String) {
        if options.diagnosticsFormat == .text { standardOutput(visible(text) + "\n") }
    }
}
