import StrategyModel

/// What toolkit.md carries for a variant, the same as its site: the origin of every element a layer added
/// or changed, what is left out and why, each rewritten text with the text it replaced, the additions and
/// the priorities. toolkit.md is offered for pandoc and for repositories, read without the site beside it,
/// so it must say what is local on its own.
extension ToolkitMarkdownView {
    /// One list item, Markdown-escaped.
    struct Line: TemplateFields {
        var text: String
    }

    /// A rewritten text: what it names, who changed it, and both texts as Markdown block quotes.
    struct Changed: TemplateFields {
        var heading: String
        var layer: String
        var now: String
        var replaced: String
    }

    /// The variant's parts of the document; the national toolkit leaves them empty.
    mutating func describe(_ variant: VariantPresentation) {
        isVariant = true
        let layers = variant.layerTitles.map(Self.cell).joined(separator: ", then ")
        variantLead = "This is a variant of \(Self.cell(variant.baseTitle)), edition \(Self.cell(variant.baseEdition)), "
            + "published by \(Self.cell(variant.basePublisher)), for \(Self.cell(variant.audience)) "
            + "(\(Self.cell(variant.organisationType))). Its layers, each applied over the one before: \(layers). "
            + "What it leaves out, rewrites, adds and prioritises is listed under "
            + "[How this variant differs](#how-this-variant-differs)."
        exclusions = variant.exclusions.map {
            Line(text: "**\(Self.cell($0.name.plain))** (left out by \(Self.cell($0.layer))): \(Self.cell($0.detail))")
        }
        changedTexts = variant.changedTexts.map {
            Changed(heading: Self.cell("\($0.name.plain): \($0.field)"), layer: Self.cell($0.layer),
                    now: Self.quoted($0.localMarkdown), replaced: Self.quoted($0.baseMarkdown))
        }
        additions = variant.additions.map {
            Line(text: "\(Self.cell($0.name.plain)) (\($0.detail), added by \(Self.cell($0.layer)))")
        }
        priorities = variant.priorities.map { Line(text: "\(Self.cell($0.name.plain)): \(Self.cell($0.detail))") }
        hasExclusions = !exclusions.isEmpty
        hasChangedTexts = !changedTexts.isEmpty
        hasAdditions = !additions.isEmpty
        hasPriorities = !priorities.isEmpty
    }

    /// Markdown as a block quote: every line behind `> `, blank lines kept inside the quote.
    static func quoted(_ markdown: String) -> String {
        markdown.trimmingNewlines().split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    }
}

private extension String {
    func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
