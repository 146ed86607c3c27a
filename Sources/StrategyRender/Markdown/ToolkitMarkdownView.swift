import Foundation
import StrategyModel

/// What `toolkit.md.mustache` sees: the whole published toolkit as one Markdown document.
///
/// Prose (introduction, descriptions, help) is the author's Markdown as written. Table cells cannot hold
/// block Markdown in GFM or pandoc pipe tables, so each descriptor becomes one line: its plain text with
/// Markdown-significant characters escaped, list items and paragraphs separated by `<br>`.
struct ToolkitMarkdownView {
    struct Level {
        var name: String
        var summary: String
    }

    struct Row {
        var title: String
        var cells: [Cell]
    }

    struct Cell {
        var text: String
    }

    struct KeyArea {
        var id: String
        var title: String
        var kind: String
        var description: String
        var whatItIs: String?
        var whyItIsImportant: String?
        var rows: [Row]
    }

    struct Theme {
        var title: String
        var description: String
        var keyAreas: [KeyArea]
    }

    struct Retired {
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

    init(_ published: PublishedStrategy, stamp: PublicationStamp) {
        let strategy = published.strategy
        title = strategy.title
        edition = strategy.edition
        publisher = strategy.publisher
        contentHash = stamp.hash.hex
        generator = stamp.generator
        introduction = strategy.introduction.markdown
        levels = strategy.levels.map { Level(name: Self.cell($0.name), summary: Self.cell($0.summary ?? "")) }
        themes = published.themes.map { group in
            Theme(title: group.theme.title, description: group.theme.description.markdown, keyAreas: group.keyAreas.map { area in
                KeyArea(
                    id: area.id, title: area.title, kind: group.isEnablers ? "Enabler" : "Key area",
                    description: area.description.markdown, whatItIs: area.whatItIs?.markdown,
                    whyItIsImportant: area.whyItIsImportant?.markdown,
                    rows: area.indicators.map { indicator in
                        Row(title: Self.cell(indicator.title), cells: strategy.levels.map { level in
                            Cell(text: Self.cell(indicator.descriptor(for: level.id)?.text.plainText ?? ""))
                        })
                    })
            })
        }
        retired = published.retiredKeyAreas
            .map { Retired(title: $0.keyArea.title, retiredIn: $0.keyArea.retirement?.edition ?? "an earlier edition") }
        hasRetired = !retired.isEmpty
    }

    /// Plain text made safe for one pipe-table cell: Markdown punctuation escaped, each line trimmed of
    /// spaces and tabs, lines joined with `<br>`. It works on Unicode scalars, without Foundation, since it
    /// runs for every descriptor of every build (a punctuation mark carrying a combining accent is escaped
    /// too, as a Markdown parser reads it by its first scalar).
    static func cell(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        var wroteLine = false
        func flush() {
            defer { line.removeAll(keepingCapacity: true) }
            guard !line.isEmpty else { return }  // empty lines are dropped; a line of spaces stays, empty
            var start = 0, end = line.count
            while start < end, isSpace(line[start]) { start += 1 }
            while end > start, isSpace(line[end - 1]) { end -= 1 }
            if wroteLine { result.append(contentsOf: "<br>".unicodeScalars) }
            wroteLine = true
            for scalar in line[start..<end] {
                switch scalar {
                case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": result.append("\\")
                default: break
                }
                result.append(scalar)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" { flush() } else { line.append(scalar) }
        }
        flush()
        return String(result)
    }

    /// What `CharacterSet.whitespaces` holds: tab and the space separators.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
}
