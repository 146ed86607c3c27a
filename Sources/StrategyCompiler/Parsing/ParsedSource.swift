import StrategyModel

/// Stage 2 for one file: front matter split off and parsed as YAML, body parsed by cmark.
struct ParsedSource {
    let file: SourceFile
    /// Nil when the YAML could not be parsed (already reported).
    let frontMatter: YAMLValue?
    let body: MarkdownBody

    /// The opening `---`, where problems with the front matter as a whole are reported.
    var frontMatterRange: SourceRange { file.range(line: 1, column: 1, length: 3) }

    /// Nil when the file has no usable front matter at all (already reported).
    init?(_ file: SourceFile, engine: DiagnosticEngine) {
        var diagnostics: [Diagnostic] = []
        guard let split = FrontMatterSplitter().split(file, diagnostics: &diagnostics) else {
            engine.emit(contentsOf: diagnostics)
            return nil
        }
        self.file = file
        self.frontMatter = YAMLParser().parse(split, in: file, diagnostics: &diagnostics)
        self.body = MarkdownBody(split, in: file)
        engine.emit(contentsOf: diagnostics)
    }

    /// The front matter's fields checked against a schema, or nil if it is unusable (already reported).
    func fields(_ schema: FrontMatterSchema, what: String, engine: DiagnosticEngine) -> FrontMatterFields? {
        guard let frontMatter else { return nil }
        return FrontMatterFields(frontMatter, schema: schema, what: what, engine: engine,
                                 missingKeyRange: frontMatterRange)
    }

    /// The whole body as one piece of rich text (the strategy's introduction, a theme's description),
    /// reported with `message` when it has no text.
    func bodyText(engine: DiagnosticEngine, missing message: String) -> RichText {
        let text = RichTextFactory(engine: engine).make(body.document.children, in: body)
        if text.isEmpty {
            engine.emit(Diagnostic(.missingDescription, message, at: body.startRange))
        }
        return text
    }
}
