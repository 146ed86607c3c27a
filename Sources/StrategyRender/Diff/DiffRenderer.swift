import Foundation
import StrategyModel
import StrategySupport

/// Writes an edition diff as Markdown release notes or as JSON.
public struct DiffRenderer {
    public init() {}

    /// Release notes a council can read: a summary, then each change, with old and new text quoted.
    public func markdown(_ diff: EditionDiff) -> String {
        let report = DiffReport(diff)
        var out = "# \(report.title)\n\n\(report.summary)\n"
        for section in report.sections {
            out += "\n## \(section.title)\n"
            for group in section.groups {
                out += "\n### \(group.title)\n\n"
                for item in group.items {
                    out += "- \(item.headline)\n"
                    if item.hasTexts {
                        out += "\n  Before:\n\n" + quote(item.old ?? "(none)") + "\n\n  After:\n\n" + quote(item.new ?? "(none)") + "\n\n"
                    }
                }
            }
        }
        return out.replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    /// The changes as data: `{"from": "2018", "to": "2022", "changes": [...], "summary": "..."}`.
    public func json(_ diff: EditionDiff) -> Data {
        struct Document: Encodable {
            var from: String
            var to: String
            var summary: String
            var changes: [Change]
        }
        return StableJSON.encode(Document(from: diff.oldEdition, to: diff.newEdition, summary: DiffReport(diff).summary,
                                   changes: diff.changes))
    }

    /// Indents text as a Markdown block quote inside a list item.
    private func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "  >" : "  > \($0)" }.joined(separator: "\n")
    }
}
