import StrategyModel
import StrategyDiagnostics

/// Separates YAML front matter from the Markdown body.
///
/// The front matter must start on the first line with `---` and end with a line of `---` (or `...`).
/// If the closing line is missing, the splitter does not guess that a later `---` (a Markdown thematic
/// break) closes it: reaching a `##` heading first means the block was never closed.
struct FrontMatterSplitter {
    init() {}

    func split(_ file: SourceFile, reportingTo collector: DiagnosticCollector) -> SplitSource? {
        guard isDelimiter(file.line(1), allowDots: false) else {
            collector.report(Diagnostic(
                .frontMatterMissing,
                "file must start with a front-matter block: a `---` line, `key: value` lines, and a closing `---`",
                at: file.range(line: 1, column: 1)
            ))
            return nil
        }
        var number = 2
        while number <= file.lines.count {
            let line = file.line(number)
            if isDelimiter(line, allowDots: true) {
                let yaml = file.lines[1..<(number - 1)].joined(separator: "\n")
                let body = number < file.lines.count ? file.lines[number...].joined(separator: "\n") : ""
                return SplitSource(frontMatter: yaml, frontMatterFirstLine: 2, body: body, bodyFirstLine: number + 1)
            }
            if isMarkdownSectionHeading(line) { break }
            number += 1
        }
        var fixIts: [FixIt] = []
        var notes: [Diagnostic.Note] = []
        if number <= file.lines.count {
            // Close the block just before the heading, skipping back over blank lines.
            var insertAt = number
            while insertAt > 2 && file.line(insertAt - 1).allSatisfy(\.isWhitespace) { insertAt -= 1 }
            notes.append(.init("the Markdown body seems to start here", at: file.range(ofLine: number)))
            fixIts.append(FixIt(
                "insert a closing `---` line", range: file.range(line: insertAt, column: 1), replacement: "---\n"))
        }
        collector.report(Diagnostic(
            .frontMatterUnclosed,
            "front matter opened here is never closed; end it with a `---` line",
            at: file.range(line: 1, column: 1, length: 3),
            notes: notes,
            fixIts: fixIts
        ))
        return nil
    }

    private func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        let trimmed = line.trimmingTrailingWhitespace()
        return trimmed == "---" || (allowDots && trimmed == "...")
    }

    /// `## Title` and deeper; a single `#` is left alone because YAML uses it for comments.
    private func isMarkdownSectionHeading(_ line: Substring) -> Bool {
        let hashes = line.prefix { $0 == "#" }.count
        return hashes >= 2 && hashes <= 6 && line.dropFirst(hashes).first.map { $0 == " " || $0 == "\t" } == true
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
