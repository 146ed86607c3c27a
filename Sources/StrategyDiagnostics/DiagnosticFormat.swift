import Foundation
import StrategySupport

/// The ways diagnostics can be written out: for people, for programs, and for GitHub's annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message [code]`, one line each, with notes and fix-its on following lines.
    case text
    /// One JSON document: `{"diagnostics": [...], "errors": N, "warnings": N}`.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…::message`), which GitHub shows on the
    /// changed line of a pull request.
    case github

    /// Renders diagnostics (already sorted by the caller) in this format.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: TextDiagnosticRenderer().render(diagnostics)
        case .json: JSONDiagnosticRenderer().render(diagnostics)
        case .github: GitHubDiagnosticRenderer().render(diagnostics)
        }
    }
}

/// The compiler-style console form.
struct TextDiagnosticRenderer {
    func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += visible("\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)")
            out += " [\(diagnostic.code.rawValue)]\n"
            for note in diagnostic.notes {
                out += visible("\((note.range ?? diagnostic.range).start): note: \(note.message)") + "\n"
            }
            for fixIt in diagnostic.fixIts {
                out += visible("\(fixIt.range.start): note: fix-it: \(fixIt.message)") + "\n"
            }
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            out += "\(count(errors, "error")) and \(count(warnings, "warning")) generated.\n"
        }
        return out
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

/// Text with its control characters shown as `\u{1B}`, so that a file name or a quoted value holding an
/// escape sequence or a line break cannot rewrite the terminal or forge another diagnostic line.
public func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
        if isControl(scalar) {
            result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
            result.unicodeScalars.append(scalar)
        }
    }
    return result
}

/// C0 controls other than tab, DEL, and the C1 controls.
public func isControl(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
}

/// A stable JSON form for editors and scripts; keys are sorted so that output is byte-for-byte repeatable.
struct JSONDiagnosticRenderer {
    private struct Document: Encodable {
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    private struct Entry: Encodable {
        var severity: String
        var code: String
        var message: String
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        /// For a diagnostic in a spreadsheet: `Assessment!E14` (then `line` is the row).
        var cell: String?
        var notes: [Note]
        var fixIts: [Fix]
    }

    private struct Note: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    private struct Fix: Encodable {
        var message: String
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var replacement: String
    }

    func render(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { diagnostic in
            Entry(
                severity: diagnostic.severity.rawValue,
                code: diagnostic.code.rawValue,
                message: diagnostic.message,
                file: diagnostic.range.path,
                line: diagnostic.range.start.line,
                column: diagnostic.range.start.column,
                endLine: diagnostic.range.end.line,
                endColumn: diagnostic.range.end.column,
                cell: diagnostic.range.start.cellReference,
                notes: diagnostic.notes.map {
                    Note(message: $0.message, file: $0.range?.path, line: $0.range?.start.line,
                         column: $0.range?.start.column)
                },
                fixIts: diagnostic.fixIts.map {
                    Fix(message: $0.message, file: $0.range.path, line: $0.range.start.line,
                        column: $0.range.start.column, endLine: $0.range.end.line,
                        endColumn: $0.range.end.column, replacement: $0.replacement)
                }
            )
        }
        let document = Document(
            diagnostics: entries,
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count
        )
        return String(decoding: StableJSON.encode(document), as: UTF8.self)
    }
}

/// GitHub Actions workflow commands. Notes and fix-its are folded into the message, since an annotation
/// has only one position.
struct GitHubDiagnosticRenderer {
    func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .error ? "error" : (diagnostic.severity == .warning ? "warning" : "notice")
            let range = diagnostic.range
            var properties = "file=\(property(range.path))"
            // A cell of a spreadsheet has no line in the file: the annotation names the file, and its title
            // the cell.
            let inFile = !range.start.isWholeFile && range.start.sheet == nil
            if inFile { properties += ",line=\(range.start.line),col=\(range.start.column)" }
            if inFile && range.end.line >= range.start.line && range.end != range.start {
                properties += ",endLine=\(range.end.line)"
                if range.end.line == range.start.line { properties += ",endColumn=\(range.end.column)" }
            }
            properties += ",title=\(property((range.start.cellReference.map { $0 + " " } ?? "") + diagnostic.code.rawValue))"
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\n" + (note.range.map { "\($0.start): " } ?? "") + note.message
            }
            for fixIt in diagnostic.fixIts { message += "\nfix-it: " + fixIt.message }
            out += "::\(visible(command)) \(visible(properties))::\(data(message))\n"
        }
        return out
    }

    private func data(_ text: String) -> String {
        visible(text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A"))
    }

    private func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
