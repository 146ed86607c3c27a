import Foundation
import Hummingbird
import StrategyDiagnostics
import StrategyPipeline
import StrategyRender
import StrategyStore

/// The organisation's report so far, as `strategyc report` makes it: every submitted respondent's
/// workbook combined by `ReportAction`, in the round's variant. Made for each request in the server's
/// own folder, and only the files the report consists of are served (a path is never joined to a folder).
extension CollectServer {
    func report(_ signedIn: SignedIn, file: String) throws -> Response {
        let submitted = try store.submittedWorkbooks(organisation: signedIn.session.organisation.id)
        guard !submitted.isEmpty else {
            return message(.notFound, signedIn.frame, "No report yet",
                           ["The report is made from the answers that have been sent. Send yours, and it appears here."],
                           link: ("Your answers", "/respond"))
        }
        let folder = options.workFolder + "/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var paths: [String] = []
        for (set, workbook) in submitted {
            let path = folder + "/" + AnswerSetReturn.fileName(of: set, organisation: signedIn.session.organisation, round: signedIn.session.round.round)
            try workbook.write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let settings = signedIn.session.round.settings
        let collector = DiagnosticCollector()
        let pipeline = PublicationPipeline(
            PublicationRequest(strategyFolder: settings.strategyFolder, templates: .builtIn, outputFolder: folder + "/report",
                               generator: options.generator),
            collector: collector)
        let action = ReportAction(pipeline, returns: paths, variant: settings.variantFolder)
        guard let outcome = try action.perform(), outcome.written,
              let wanted = outcome.files.first(where: { $0.path == file }) else {
            return collector.hasErrors
                ? message(.internalServerError, signedIn.frame, "The report could not be made", collector.diagnostics.map(\.message))
                : notFound(signedIn.frame)
        }
        let type = file.hasSuffix(".html") ? "text/html; charset=utf-8" : file.hasSuffix(".css") ? "text/css; charset=utf-8"
            : file.hasSuffix(".json") ? "application/json" : file.hasSuffix(".csv") ? "text/csv; charset=utf-8"
            : file.hasSuffix(".md") ? "text/markdown; charset=utf-8" : file.hasSuffix(".svg") ? "image/svg+xml" : "application/octet-stream"
        var response = Responses.body(.ok, wanted.contents, type: type, download: file.hasSuffix(".html") || file.hasSuffix(".css") ? nil : file)
        if file.hasSuffix(".html") {
            let hashes = Self.inlineStyles(in: String(decoding: wanted.contents, as: UTF8.self)).map { SecretToken.hash($0).base64EncodedString() }
            response.headers[Responses.contentSecurityPolicyName] = Responses.contentSecurityPolicy(styleHashes: hashes)
        }
        return response
    }

    /// The contents of a page's `<style>` elements: the report's accent colour, which strategyc wrote from a
    /// checked colour. Only these exact texts are allowed, by their hashes.
    static func inlineStyles(in page: String) -> [String] {
        var styles: [String] = []
        var rest = page[...]
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            styles.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return styles
    }
}
