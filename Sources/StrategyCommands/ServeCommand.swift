import ArgumentParser
import Foundation
import StrategyCompiler
import StrategyModel
import StrategyPipeline
import StrategyRender
import StrategyServer
import StrategyDiagnostics

/// `strategyc serve [DIR | --variant V]`: the editors' preview. The site is built in memory by the same
/// pipeline as `build` (nothing is written to disk), served on 127.0.0.1, rebuilt when a source, template
/// or variant file changes, and open pages reload themselves. While the sources have errors the last good
/// build stays up, with a banner and a diagnostics page linked to each file, line and column.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you edit: rebuilt and reloaded on every change, errors shown beside it.",
        discussion: """
            Serves http://127.0.0.1:8080/ until Ctrl-C. Only this machine can reach it unless --host names \
            another address. The pages carry a small reload script as they are served; the published build \
            never does. See docs/serve.md.
            """
    )

    @OptionGroup var strategy: StrategyFolderArgument
    @OptionGroup var variantOption: VariantOption

    var folder: String { strategy.folder }
    var variant: String? { variantOption.folder }

    @OptionGroup var templates: TemplatesOption

    @OptionGroup var sinceOption: SinceOption

    var since: String? { sinceOption.since }

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Option(help: "The address to listen on. Any other than 127.0.0.1 or localhost lets other machines see the preview.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("'\(folder)' is not a strategy folder")
        }
        if let variant, !FileManager.default.fileExists(atPath: variant, isDirectory: &isFolder) || !isFolder.boolValue {
            throw ValidationError("'\(variant)' is not a variant folder")
        }
    }

    func run() async throws {
        let state = PreviewState()
        let request = PublicationRequest(strategyFolder: folder, templates: templates.source, outputFolder: nil,
                                         since: since, generator: "strategyc \(StrategycVersion.current)")
        let variant = self.variant.map(VariantPaths.folder(named:))
        let address = AddressBox()
        let watcher = SourceWatcher(
            roots: watchedRoots(request),
            state: state,
            build: { Self.build(request, variant: variant) },
            onBuild: { build, duration in
                // Builds are reported one at a time, in order (the watcher builds one at a time).
                Self.report(build, duration: duration, address: address.url, servingEarlierBuild: address.hadGoodBuild)
                if build.succeeded { address.hadGoodBuild = true }
            })
        let server = PreviewServer(host: host, port: port, state: state, watcher: watcher)
        let subject = variant.map { "the variant \($0)" } ?? folder
        let local = ["127.0.0.1", "localhost", "::1"].contains(host)
        do {
            try await run(server, subject: subject, local: local, address: address)
        } catch let error as PreviewServerError {
            Output.standardError("strategyc: error: \(error)\n")
            throw ExitCode.usage
        }
        Output.standardOutput("Stopped serving; wrote nothing.\n")
    }

    private func run(_ server: PreviewServer, subject: String, local: Bool, address: AddressBox) async throws {
        try await server.run { host, port in
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            address.url = url
            Output.standardOutput("Serving \(subject) at \(url) (Ctrl-C to stop)\n")
            if !local {
                Output.standardError("strategyc: warning: listening on \(host): other machines can see the preview\n")
            }
        }
    }

    /// What a build reads: the strategy (or the national strategy under a variant), the variants folder
    /// holding the variant and its bases, and a templates folder.
    func watchedRoots(_ request: PublicationRequest) -> [String] {
        var roots = [folder]
        if let variant { roots.append(URL(fileURLWithPath: variant).deletingLastPathComponent().path) }
        if case .folder(let templates) = request.templates ?? .builtIn { roots.append(templates) }
        if let since, !since.hasPrefix("git:") { roots.append(since) }
        return roots
    }

    /// One build, in memory, through the publication pipeline: the files only when nothing is wrong.
    static func build(_ request: PublicationRequest, variant: String?) -> PreviewBuild {
        let collector = DiagnosticCollector(warningsAsErrors: false, errorLimit: nil)
        let pipeline = PublicationPipeline(request, collector: collector)
        do {
            let publication = try variant.map { try VariantPublishAction(pipeline, folder: $0, goal: .check).perform()?.publication }
                ?? PublishAction(pipeline, goal: .check).perform()?.publication
            guard let publication, !collector.hasErrors else {
                return PreviewBuild(files: nil, diagnostics: collector.diagnostics)
            }
            var files: [String: Data] = [:]
            for file in publication.files { files[file.path] = file.contents }
            return PreviewBuild(files: files, diagnostics: collector.diagnostics)
        } catch {
            // A folder that cannot be read (StrategyReadError): shown like any diagnostic, and watched until it can.
            collector.report(Diagnostic(.folderUnreadable, "\(error)", at: SourceRange(at: .wholeFile(request.strategyFolder))))
            return PreviewBuild(files: nil, diagnostics: collector.diagnostics)
        }
    }

    /// One line per build on standard error, with the diagnostics in text form when there are any.
    /// - Parameter servingEarlierBuild: whether an earlier build succeeded, so that its pages are still served.
    static func report(_ build: PreviewBuild, duration: Duration, address: String?, servingEarlierBuild: Bool) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let time = String(format: "%.2f s", seconds)
        if !build.diagnostics.isEmpty { Output.standardError(DiagnosticFormat.text.render(build.diagnostics)) }
        if build.succeeded {
            let warnings = build.warningCount == 0 ? "" : ", \(build.warningCount) warning\(build.warningCount == 1 ? "" : "s")"
            Output.standardError("strategyc: built in \(time): \(build.files?.count ?? 0) files\(warnings)\n")
        } else {
            let page = address.map { " (\($0)_strategyc/diagnostics)" } ?? ""
            Output.standardError("strategyc: build failed in \(time) with \(build.errorCount) error\(build.errorCount == 1 ? "" : "s"); "
                + (servingEarlierBuild ? "serving the last good build" : "nothing to serve until it is fixed") + "\(page)\n")
        }
    }
}

/// The address the server bound, known only once it runs, and whether any build has succeeded yet; read by
/// the build reports.
private final class AddressBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    private var succeeded = false
    var url: String? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
    var hadGoodBuild: Bool {
        get { lock.withLock { succeeded } }
        set { lock.withLock { succeeded = newValue } }
    }
}
