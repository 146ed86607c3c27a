import StrategyModel
import StrategyDiagnostics

/// Builds the strategy's metadata and levels from `strategy.md`.
struct StrategyMetadataBuilder {
    let collector: DiagnosticCollector

    struct Metadata {
        var title: String
        var shortTitle: String?
        var edition: String
        var publisher: String
        var published: String?
        var introduction: RichText
        var previousEdition: (value: String, range: SourceRange)?
        var editions: [(value: String, range: SourceRange)] = []
        var range: SourceRange
    }

    /// The levels are returned even when other metadata is broken, so key areas can still be checked.
    func build(_ file: SourceFile) -> (metadata: Metadata?, levels: [Level]?) {
        guard let source = ParsedSource(file, collector: collector) else { return (nil, nil) }
        let introduction = source.bodyText(
            collector: collector, missing: "strategy.md has no introduction: write a few paragraphs after the front matter")
        guard let fields = source.fields(.strategy, what: "strategy front matter", collector: collector) else {
            return (nil, nil)
        }
        let levels = buildLevels(fields)
        let title = fields.text("title")
        let shortTitle = fields.text("short_title")
        let edition = fields.text("edition")
        let publisher = fields.text("publisher")
        let published = fields.text("published")
        if let (value, range) = published, !isISODate(value) {
            collector.report(Diagnostic(.invalidValue, "`published` must be a date written YYYY-MM-DD, found '\(value)'",
                                   at: range))
        }
        let editions = fields.textList("editions")
        if let edition, !editions.isEmpty, editions.last?.value != edition.value, let last = editions.last {
            collector.report(Diagnostic(
                .invalidValue, "`editions` must end with the current edition '\(edition.value)', found '\(last.value)'",
                at: last.range))
        }
        guard let title, let edition, let publisher else { return (nil, levels) }
        var metadata = Metadata(
            title: title.value, shortTitle: shortTitle?.value, edition: edition.value, publisher: publisher.value,
            published: published.flatMap { isISODate($0.value) ? $0.value : nil },
            introduction: introduction, previousEdition: fields.text("previous_edition"), range: file.wholeRange)
        metadata.editions = editions
        return (metadata, levels)
    }

    private func buildLevels(_ fields: FrontMatterFields) -> [Level]? {
        guard let pair = fields.pair("levels") else { return nil }
        guard case .sequence(let items, let range) = pair.value else {
            collector.report(Diagnostic(.invalidType, "`levels` must be a list of levels, found \(pair.value.kindDescription)",
                                   at: pair.value.range))
            return nil
        }
        guard !items.isEmpty else {
            collector.report(Diagnostic(.noLevels, "`levels` is empty: list the maturity levels, lowest first", at: range))
            return nil
        }
        var levels: [Level] = []
        var firstByID: [String: SourceRange] = [:]
        for item in items {
            guard let level = FrontMatterFields(item, schema: .level, what: "a level", collector: collector),
                  let id = level.id("id"), let name = level.text("name") else { continue }
            let summary = level.text("summary")
            if let first = firstByID[id.value] {
                collector.report(Diagnostic(.duplicateID, "level id '\(id.value)' is used twice", at: id.range,
                                       notes: [.init("first used here", at: first)]))
                continue
            }
            firstByID[id.value] = id.range
            levels.append(Level(id: id.value, name: name.value, summary: summary?.value, range: item.range))
        }
        return levels
    }

    private func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
