import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// The heading structure of a key-area body: `##` sections, `###` indicators under `## Indicators`, and
/// `####` levels under each indicator, with the blocks that belong to each.
///
/// Building the outline reports headings in the wrong place and text that belongs to no section, so that
/// nothing an editor writes is silently left out of the published toolkit.
struct BodyOutline {
    /// The `##` sections the format knows, by their normalized names.
    enum SectionName: String, CaseIterable {
        case description = "description"
        case whatItIs = "what it is"
        case whyItIsImportant = "why it is important"
        case indicators = "indicators"

        var heading: String {
            switch self {
            case .description: "Description"
            case .whatItIs: "What it is"
            case .whyItIsImportant: "Why it is important"
            case .indicators: "Indicators"
            }
        }
    }

    struct Section {
        var name: SectionName
        var heading: MarkdownNode
        var blocks: [MarkdownNode] = []
        var indicators: [IndicatorOutline] = []
    }

    struct IndicatorOutline {
        var heading: MarkdownNode
        var blocks: [MarkdownNode] = []
        var levels: [LevelOutline] = []
    }

    struct LevelOutline {
        var heading: MarkdownNode
        var blocks: [MarkdownNode] = []
    }

    private(set) var sections: [SectionName: Section] = [:]
    /// Sections that a misspelt heading was taken to mean; they are not reported again as missing.
    private(set) var suggested: Set<SectionName> = []

    func section(_ name: SectionName) -> Section? { sections[name] }

    /// - Parameter levelNames: the strategy's level names, so that a level heading written at the wrong
    ///   depth is recognised (empty when strategy.md is broken).
    init(_ body: MarkdownBody, levelNames: [String] = [], collector: DiagnosticCollector) {
        var current: SectionName?
        // After a misplaced heading, its content is not reported again as "outside a section".
        var ignoring = false

        func unexpected(_ heading: MarkdownNode, _ message: String) {
            collector.report(Diagnostic(.unexpectedHeading, message, at: body.range(of: heading)))
            ignoring = true
        }

        for block in body.document.children {
            guard let written = block.headingLevel else {
                if ignoring { continue }
                if let name = current {
                    if name == .indicators {
                        if let indicator = sections[name]?.indicators.indices.last {
                            if let levelIndex = sections[name]?.indicators[indicator].levels.indices.last {
                                sections[name]?.indicators[indicator].levels[levelIndex].blocks.append(block)
                            } else {
                                sections[name]?.indicators[indicator].blocks.append(block)
                                outside(block, "text between an indicator heading and its first level heading is not published; move it under a `####` level heading", body, collector)
                            }
                        } else {
                            outside(block, "text under `## Indicators` before the first `###` indicator heading is not published", body, collector)
                        }
                    } else {
                        sections[name]?.blocks.append(block)
                    }
                } else {
                    outside(block, "text before the first `##` section heading is not published; put it under `## Description`", body, collector)
                    ignoring = true
                }
                continue
            }
            // A heading whose text says what it is (a section name, an indicator's `{#id}`, a level name)
            // but written one `#` too many or too few is reported once, here, and then read as meant, so
            // the rest of the file is understood and nothing cascades.
            let level = HeadingDepth.intended(for: block.inlineText, levelNames: levelNames) ?? written
            if level != written {
                collector.report(HeadingDepth.diagnostic(block, written: written, intended: level, body: body))
            }
            switch level {
            case 1:
                unexpected(block, "`#` headings are not used: the title comes from the front matter's `title`, and sections use `##`")
                current = nil
            case 2:
                current = nil
                ignoring = false
                let text = block.inlineText
                let normalized = Suggestion.normalize(text.trimmingCharacters(in: CharacterSet(charactersIn: ": ")))
                guard let name = SectionName(rawValue: normalized) else {
                    if let meant = reportUnknownSection(block, text: text, body: body, collector: collector) {
                        suggested.insert(meant)
                    }
                    ignoring = true
                    continue
                }
                if let first = sections[name] {
                    collector.report(Diagnostic(
                        .duplicateSection, "section `## \(name.heading)` appears twice; merge the two",
                        at: body.range(of: block), notes: [.init("first section here", at: body.range(of: first.heading))]))
                    ignoring = true
                    continue
                }
                sections[name] = Section(name: name, heading: block)
                current = name
            case 3:
                guard current == .indicators else {
                    unexpected(block, "`###` headings are indicators and belong under `## Indicators`")
                    continue
                }
                ignoring = false
                sections[.indicators]?.indicators.append(IndicatorOutline(heading: block))
            case 4:
                guard current == .indicators, sections[.indicators]?.indicators.isEmpty == false else {
                    unexpected(block, "`####` headings are maturity levels and belong under a `###` indicator")
                    continue
                }
                ignoring = false
                let last = sections[.indicators]!.indicators.count - 1
                sections[.indicators]?.indicators[last].levels.append(LevelOutline(heading: block))
            default:
                unexpected(block, "headings deeper than `####` are not used; use bold text or a list inside the descriptor")
            }
        }
    }

    private func outside(_ block: MarkdownNode, _ message: String, _ body: MarkdownBody, _ collector: DiagnosticCollector) {
        collector.report(Diagnostic(.contentOutsideSection, message, at: body.range(of: block)))
    }

    /// Reports the heading and returns the section it probably meant, if one is close.
    private func reportUnknownSection(_ heading: MarkdownNode, text: String, body: MarkdownBody,
                                      collector: DiagnosticCollector) -> SectionName? {
        let known = SectionName.allCases.map(\.heading)
        let range = body.range(of: heading)
        if let suggestion = Suggestion.closest(to: text, among: known) {
            let column = body.file.column(of: text, inLine: range.start.line) ?? range.start.column
            let textRange = body.file.range(line: range.start.line, column: column, length: text.utf8.count)
            collector.report(Diagnostic(
                .unknownSection, "unknown section `## \(text)`; did you mean `## \(suggestion)`?", at: range,
                fixIts: [FixIt("replace with '\(suggestion)'", range: textRange, replacement: suggestion)]))
            return SectionName.allCases.first { $0.heading == suggestion }
        } else {
            collector.report(Diagnostic(
                .unknownSection, "unknown section `## \(text)`", at: range,
                notes: [.init("the sections are: " + known.map { "`## \($0)`" }.joined(separator: ", "))]))
            return nil
        }
    }
}
