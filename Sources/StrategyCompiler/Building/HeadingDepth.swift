import Foundation
import StrategyModel
import StrategyDiagnostics
import StrategySupport

/// The depth a heading's own text says it should have, whatever number of `#` it was written with: a
/// section (`Description`, `Indicators`...) is `##`, an indicator (`Title {#id}`) is `###`, a level name
/// (`Mature`) is `####`. Editors slip a `#` more often than they misname a section, so the outline reads
/// such a heading as meant, after one diagnostic with a fix-it that changes only the `#` run.
enum HeadingDepth {
    static func intended(for text: String, levelNames: [String]) -> Int? {
        let trimmed = text.trimmingSpaces()
        let normalized = Suggestion.normalize(trimmed.trimmingCharacters(in: CharacterSet(charactersIn: ": ")))
        if BodyOutline.SectionName(rawValue: normalized) != nil { return 2 }
        if trimmed.hasSuffix("}"), trimmed.range(of: "{#") != nil { return 3 }
        if levelNames.contains(where: { Suggestion.normalize($0) == normalized }) { return 4 }
        return nil
    }

    static func diagnostic(_ heading: MarkdownNode, written: Int, intended: Int, body: MarkdownBody) -> Diagnostic {
        let range = body.range(of: heading)
        let line = body.file.line(range.start.line)
        let indent = line.prefix { $0 == " " }.utf8.count
        let hashes = line.dropFirst(indent).prefix { $0 == "#" }.utf8.count
        let wanted = String(repeating: "#", count: intended)
        let text = heading.inlineText.trimmingSpaces()
        let what = switch intended {
        case 2: "a section"
        case 3: "an indicator"
        default: "a maturity level"
        }
        // A setext heading (underlined) has no `#` run to change, so it gets no fix-it.
        let fixIts = hashes == written
            ? [FixIt("write `\(wanted)`", range: body.file.range(line: range.start.line, column: indent + 1, length: hashes),
                     replacement: wanted)]
            : []
        return Diagnostic(
            .wrongHeadingLevel,
            "`\(String(repeating: "#", count: written)) \(text)` is \(what), so it takes \(intended) `#`: write `\(wanted) \(text)`",
            at: range, fixIts: fixIts)
    }
}
