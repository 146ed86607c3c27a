import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// Builds a key area or an enabler from one file under `key-areas/`.
///
/// The body is checked even when the front matter is broken, so one run reports both.
struct KeyAreaBuilder {
    let collector: DiagnosticCollector
    let levels: [Level]?
    /// The themes that exist, by id; nil when none could be read (then theme references are not checked).
    let themes: [String: Theme]?
    /// Theme files that could not be built: a key area naming a theme one of them may hold is not told that
    /// its theme does not exist (with a fix-it to another theme); the theme's own file reports the problem.
    var unbuiltThemes: [UnbuiltSource] = []

    func build(_ file: SourceFile) -> KeyArea? { outcome(file).element }

    /// The key area, or what is known of a file that could not be built into one (its problems reported).
    func outcome(_ file: SourceFile) -> BuildOutcome<KeyArea> {
        var unbuilt = UnbuiltSource(kind: .keyArea, relativePath: file.relativePath, path: file.path)
        guard let source = ParsedSource(file, collector: collector) else { return .unbuilt(unbuilt) }
        let fields = source.fields(.keyArea, what: "key area front matter", collector: collector)
        let id = fields?.id("id")
        unbuilt.id = id?.value
        let title = fields?.text("title")
        let themeID = fields?.id("theme")
        let order = fields?.integer("order")
        let status = fields?.choice("status", as: KeyAreaStatus.self)
        let since = fields?.text("since")
        let retiredIn = fields?.text("retired_in")
        let replacedBy = fields?.textList("replaced_by") ?? []

        if let status, status == .active {
            for key in ["retired_in", "replaced_by"] {
                if let pair = fields?.pair(key) {
                    collector.report(Diagnostic(.invalidValue, "`\(key)` applies only to a retired key area (`status: retired`)",
                                           at: pair.keyRange))
                }
            }
        } else if status == .retired, retiredIn == nil, fields?.pair("retired_in") == nil, let fields {
            collector.report(Diagnostic(.missingKey, "a retired key area needs `retired_in`: the edition it was retired in",
                                   at: fields.range))
        }
        let theme = themeID.flatMap { checkTheme($0) }
        // Whether it is an enabler (which needs no help sections) is unknown when its theme is: then the help is
        // not asked for, rather than reported missing because the front matter was broken.
        let body = buildBody(source.body, isEnabler: theme.map { $0.kind == .enablers }, title: title?.value ?? file.stem)

        guard let id, let title, let themeID, theme != nil || themes == nil, let order, let status,
              let since else { return .unbuilt(unbuilt) }
        let lifecycle: Lifecycle = status == .active ? .active : .retired(.init(
            edition: retiredIn?.value, editionRange: retiredIn?.range,
            replacedBy: replacedBy.map { Lifecycle.Reference($0.value, at: $0.range) }))
        var area = KeyArea(
            id: id.value, title: title.value, themeID: themeID.value, order: order, lifecycle: lifecycle,
            since: since.value,
            description: body.description, whatItIs: body.whatItIs, whyItIsImportant: body.whyItIsImportant,
            indicators: body.indicators, source: file.relativePath, range: file.wholeRange, idRange: id.range)
        area.sinceRange = since.range
        area.orderRange = fields?.pair("order")?.value.range
        area.titleRange = title.range
        area.unbuiltIndicators = body.unbuiltIndicators
        return .built(area)
    }

    private func checkTheme(_ reference: (value: String, range: SourceRange)) -> Theme? {
        guard let themes else { return nil }
        if let theme = themes[reference.value] { return theme }
        let holders = unbuiltThemes.filter { $0.id == nil || $0.id == reference.value }
        if !holders.isEmpty {
            collector.report(holders.map(\.uncheckedNote))
            return nil
        }
        let known = themes.keys.sorted()
        let suggestion = Suggestion.closest(to: reference.value, among: known)
        collector.report(Diagnostic(
            .unknownTheme,
            "unknown theme '\(reference.value)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the themes are " + known.joined(separator: ", ")),
            at: reference.range,
            fixIts: suggestion.map { [FixIt("replace with '\($0)'", range: reference.range, replacement: $0)] } ?? []))
        return nil
    }

    private struct Body {
        var description: RichText
        var whatItIs: RichText?
        var whyItIsImportant: RichText?
        var indicators: [Indicator]
        var unbuiltIndicators: [SourceRange]
    }

    private func buildBody(_ body: MarkdownBody, isEnabler: Bool?, title: String) -> Body {
        let outline = BodyOutline(body, levelNames: levels?.map(\.name) ?? [], collector: collector)
        let factory = RichTextFactory(collector: collector)
        func text(_ name: BodyOutline.SectionName) -> RichText? {
            guard let section = outline.section(name) else { return nil }
            let text = factory.make(section.blocks, in: body)
            return text.isEmpty ? nil : text
        }
        let description = text(.description)
        if description == nil && !outline.suggested.contains(.description) {
            let heading = outline.section(.description).map { body.range(of: $0.heading) }
            collector.report(Diagnostic(
                .missingDescription,
                heading == nil ? "key area has no `## Description` section" : "the `## Description` section is empty",
                at: heading ?? body.startRange))
        }
        let whatItIs = text(.whatItIs)
        let whyItIsImportant = text(.whyItIsImportant)
        if isEnabler == false {
            for (name, value) in [(BodyOutline.SectionName.whatItIs, whatItIs), (.whyItIsImportant, whyItIsImportant)]
            where value == nil && !outline.suggested.contains(name) {
                collector.report(Diagnostic(
                    .missingHelp, "key area has no `## \(name.heading)` help; councils read it to judge their level",
                    at: outline.section(name).map { body.range(of: $0.heading) } ?? body.startRange))
            }
        }
        let indicatorBuilder = IndicatorBuilder(collector: collector, levels: levels)
        let indicatorSection = outline.section(.indicators)
        // Ids written in this file, so that an id proposed for a heading without one is not already taken.
        let writtenIDs = Set((indicatorSection?.indicators ?? []).compactMap { outline in
            indicatorBuilder.splitHeading(outline.heading.inlineText).attributes?
                .split(separator: " ").first.map { String($0.dropFirst()) }
        })
        var indicators: [Indicator] = []
        var unbuiltIndicators: [SourceRange] = []
        for outline in indicatorSection?.indicators ?? [] {
            if let indicator = indicatorBuilder.build(outline, in: body, takenIDs: writtenIDs) {
                indicators.append(indicator)
            } else {
                unbuiltIndicators.append(body.range(of: outline.heading))
            }
        }
        if indicatorSection?.indicators.isEmpty ?? !outline.suggested.contains(.indicators) {
            collector.report(Diagnostic(
                .missingIndicators,
                indicatorSection == nil
                    ? "key area '\(title)' has no `## Indicators` section"
                    : "key area '\(title)' has no indicators: add `### Title {#id}` headings under `## Indicators`",
                at: indicatorSection.map { body.range(of: $0.heading) } ?? body.startRange))
        }
        return Body(description: description ?? RichText(markdown: "", html: "", plainText: ""), whatItIs: whatItIs,
                    whyItIsImportant: whyItIsImportant, indicators: indicators, unbuiltIndicators: unbuiltIndicators)
    }
}
