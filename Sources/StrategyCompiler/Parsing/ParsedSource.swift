import StrategyModel
import StrategyDiagnostics

/// Stage 2 for one file: front matter split off and parsed as YAML, body parsed by cmark.
struct ParsedSource {
    let file: SourceFile
    /// Nil when the YAML could not be parsed (already reported).
    let frontMatter: YAMLValue?
    let body: MarkdownBody

    /// The opening `---`, where problems with the front matter as a whole are reported.
    var frontMatterRange: SourceRange { file.range(line: 1, column: 1, length: 3) }

    /// Nil when the file has no usable front matter at all (already reported).
    init?(_ file: SourceFile, collector: DiagnosticCollector) {
        guard let split = FrontMatterSplitter().split(file, reportingTo: collector) else { return nil }
        self.file = file
        self.frontMatter = YAMLParser().parse(split, in: file, reportingTo: collector)
        self.body = MarkdownBody(split, in: file)
    }

    /// The front matter's fields checked against a schema, or nil if it is unusable (already reported).
    func fields(_ schema: FrontMatterSchema, what: String, collector: DiagnosticCollector) -> FrontMatterFields? {
        guard let frontMatter else { return nil }
        return FrontMatterFields(frontMatter, schema: schema, what: what, collector: collector,
                                 missingKeyRange: frontMatterRange)
    }

    /// The whole body as one piece of rich text (the strategy's introduction, a theme's description),
    /// reported with `message` when it has no text.
    func bodyText(collector: DiagnosticCollector, missing message: String) -> RichText {
        let text = RichTextFactory(collector: collector).make(body.document.children, in: body)
        if text.isEmpty {
            collector.report(Diagnostic(.missingDescription, message, at: body.startRange))
        }
        return text
    }
}
