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

    /// Plain text made safe for one pipe-table cell.
    static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "#": escaped += "\\" + String(character)
            default: escaped.append(character)
            }
        }
        return escaped.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "<br>")
    }
}
