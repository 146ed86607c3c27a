import Foundation
import StrategyModel

/// What `toolkit.md.mustache` sees: the whole published toolkit as one Markdown document.
///
/// Prose (introduction, descriptions, help) is the author's Markdown as written. Table cells cannot hold
/// block Markdown in GFM or pandoc pipe tables, so each descriptor becomes one line: its plain text with
/// Markdown-significant characters escaped, list items and paragraphs separated by `<br>`.
struct ToolkitMarkdownView: TemplateFields {
    struct Level: TemplateFields {
        var name: String
        var summary: String
    }

    struct Row: TemplateFields {
        var title: String
        var cells: [Cell]
    }

    struct Cell: TemplateFields {
        var text: String
    }

    struct KeyArea: TemplateFields {
        var id: String
        var title: String
        var kind: String
        var description: String
        var whatItIs: String?
        var whyItIsImportant: String?
        var rows: [Row]
        /// In a variant: "Added by …" or "Changed by …", and the key area's priority.
        var origin = ""
        var hasOrigin = false
        var priority = ""
        var hasPriority = false
    }

    struct Theme: TemplateFields {
        var title: String
        var description: String
        var keyAreas: [KeyArea]
    }

    struct Retired: TemplateFields {
        var title: String
        var retiredIn: String
    }

    var title: String
    var edition: String
    var publisher: String
    var contentHash: String
    var generator: String
    var introduction: String
    var levels: [Level]
    var themes: [Theme]
    var retired: [Retired]
    var hasRetired: Bool
    /// A variant's parts (`ToolkitVariantMarkdown.swift`); empty in the national toolkit.
    var isVariant = false
    var variantLead = ""
    var exclusions: [Line] = []
    var hasExclusions = false
    var changedTexts: [Changed] = []
    var hasChangedTexts = false
    var additions: [Line] = []
    var hasAdditions = false
    var priorities: [Line] = []
    var hasPriorities = false
    var priorityExplanation = PriorityWording.explanation

    init(_ published: PublishedStrategy, stamp: PublicationStamp, variant: VariantPresentation? = nil) {
        let strategy = published.strategy
        title = strategy.title
        edition = strategy.edition
        publisher = strategy.publisher
        contentHash = stamp.hash.hex
        generator = stamp.generator
        introduction = strategy.introduction.safeMarkdown
        levels = strategy.levels.map { Level(name: Self.cell($0.name), summary: Self.cell($0.summary ?? "")) }
        themes = published.themes.map { group in
            Theme(title: group.theme.title, description: group.theme.description.safeMarkdown, keyAreas: group.keyAreas.map { area in
                var view = KeyArea(
                    id: area.id, title: area.title, kind: group.isEnablers ? "Enabler" : "Key area",
                    description: area.description.safeMarkdown, whatItIs: area.whatItIs?.safeMarkdown,
                    whyItIsImportant: area.whyItIsImportant?.safeMarkdown,
                    rows: area.indicators.map { indicator in
                        let origin = variant?.originLabels[indicator.id].map { " (\($0))" } ?? ""
                        return Row(title: Self.cell(indicator.title + origin), cells: strategy.levels.map { level in
                            Cell(text: Self.cell(indicator.descriptor(for: level.id)?.text.plainText ?? ""))
                        })
                    })
                if let origin = variant?.originLabels[area.id] {
                    (view.origin, view.hasOrigin) = (Self.cell(origin), true)
                }
                if let priority = variant?.prioritySentences[area.id] {
                    (view.priority, view.hasPriority) = (Self.cell(priority), true)
                }
                return view
            })
        }
        retired = published.retiredKeyAreas
            .map { Retired(title: $0.keyArea.title, retiredIn: $0.keyArea.retirement?.edition ?? "an earlier edition") }
            + published.retiredIndicators.map {
                Retired(title: "\($0.indicator.title) (an indicator of \($0.keyArea.title))",
                        retiredIn: $0.indicator.retirement?.edition ?? "an earlier edition")
            }
        hasRetired = !retired.isEmpty
        if let variant { describe(variant) }
    }

    /// Plain text made safe for one pipe-table cell: Markdown punctuation escaped, each line trimmed of
    /// spaces and tabs, lines joined with `<br>`. It works on Unicode scalars, without Foundation, since it
    /// runs for every descriptor of every build (a punctuation mark carrying a combining accent is escaped
    /// too, as a Markdown parser reads it by its first scalar).
    static func cell(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var wroteLine = false
        var utf8 = text.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: 10) ?? utf8.endIndex
            var line = utf8[utf8.startIndex..<end]
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
            guard !line.isEmpty else { continue }  // empty lines are dropped; a line of spaces stays, empty
            while let (scalar, length) = firstScalar(of: line), isSpace(scalar) { line = line.dropFirst(length) }
            while let (scalar, length) = lastScalar(of: line), isSpace(scalar) { line = line.dropLast(length) }
            if wroteLine { result += Array("<br>".utf8) }
            wroteLine = true
            for byte in line {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                     UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"):
                    result.append(UInt8(ascii: "\\"))
                default: break
                }
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func firstScalar(of bytes: Substring.UTF8View) -> (Unicode.Scalar, Int)? {
        guard let first = bytes.first else { return nil }
        if first < 0x80 { return (Unicode.Scalar(first), 1) }
        let scalar = String(Substring(bytes)).unicodeScalars.first!
        return (scalar, String(scalar).utf8.count)
    }

    private static func lastScalar(of bytes: Substring.UTF8View) -> (Unicode.Scalar, Int)? {
        guard let last = bytes.last else { return nil }
        if last < 0x80 { return (Unicode.Scalar(last), 1) }
        let scalar = String(Substring(bytes)).unicodeScalars.last!
        return (scalar, String(scalar).utf8.count)
    }

    /// What `CharacterSet.whitespaces` holds: tab and the space separators.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.value == 0x200B || scalar.properties.generalCategory == .spaceSeparator
    }
}
