import StrategyModel
import Yams
import StrategyDiagnostics

/// Parses front matter with Yams and converts the result into `YAMLValue`s positioned in the file.
///
/// This is the only file that imports Yams. libyaml counts columns in Unicode scalars and lines from the
/// start of the YAML text; both are converted to the file's lines and UTF-8 byte columns here.
struct YAMLParser {
    init() {}

    func parse(_ split: SplitSource, in file: SourceFile, reportingTo collector: DiagnosticCollector) -> YAMLValue? {
        let context = Context(file: file, firstLine: split.frontMatterFirstLine)
        let duplicates = duplicateTopLevelKeys(split, in: file)
        collector.report(duplicates)
        collector.report(CommentInValue.check(split, in: file))
        if let found = YAMLAnchorScan.first(in: split.frontMatter) {
            let what = found.isAlias ? "an alias (`*name`)" : "an anchor (`&name`)"
            collector.report(Diagnostic(
                .yamlAnchor,
                "front matter may not use \(what): anchors and aliases can expand a few lines into billions of "
                    + "values; write the value out in full, in quotes if it starts with & or *",
                at: file.range(line: split.frontMatterFirstLine + found.line - 1, column: found.column, length: 1)))
            return nil
        }
        do {
            // The encoding is given, not left to Yams' default: that reads the whole environment on every
            // call (a few per cent of a build), and prints to stdout when YAMS_DEFAULT_ENCODING is set.
            guard let node = try Yams.compose(yaml: split.frontMatter, .default, .default, .utf8) else {
                return .mapping([], file.range(line: split.frontMatterFirstLine, column: 1))
            }
            return context.convert(node)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error, !duplicates.isEmpty { return nil }
            collector.report(context.diagnostic(for: error))
            return nil
        } catch {
            collector.report(Diagnostic(.yamlSyntax, "front matter cannot be read: \(error)",
                                        at: file.range(line: split.frontMatterFirstLine, column: 1)))
            return nil
        }
    }

    /// Finds top-level keys written twice, so each repeat is reported where it is (libyaml reports only the
    /// first key of the mapping).
    private func duplicateTopLevelKeys(_ split: SplitSource, in file: SourceFile) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        let lines = split.frontMatter.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let key = line.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard !key.isEmpty, line.dropFirst(key.count).drop(while: { $0 == " " }).first == ":" else { continue }
            let number = split.frontMatterFirstLine + offset
            if let first = seen[String(key)] {
                diagnostics.append(Diagnostic(
                    .duplicateKey, "key `\(key)` is given more than once; keep one",
                    at: file.range(line: number, column: 1, length: key.utf8.count),
                    notes: [.init("first given here", at: file.range(line: first, column: 1, length: key.utf8.count))]
                ))
            } else {
                seen[String(key)] = number
            }
        }
        return diagnostics
    }

    private struct Context {
        let file: SourceFile
        let firstLine: Int

        func range(_ mark: Mark?, length: Int = 0) -> SourceRange {
            guard let mark else { return file.range(line: firstLine, column: 1) }
            let line = mark.line + firstLine - 1
            let column = file.byteColumn(line: line, scalarColumn: mark.column)
            return file.range(line: line, column: column, length: length)
        }

        func convert(_ node: Node) -> YAMLValue {
            switch node {
            case .scalar(let scalar):
                // A quoted scalar's range spans its quotes, so that a fix-it replaces the whole value.
                let quotes = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 2 : 0
                return .scalar(scalar.string, type(of: node, style: scalar.style),
                               range(scalar.mark, length: scalar.string.utf8.count + quotes))
            case .mapping(let mapping):
                let pairs = mapping.map { key, value in
                    YAMLPair(key: key.string ?? "", keyRange: range(key.mark, length: (key.string ?? "").utf8.count),
                             value: convert(value))
                }
                return .mapping(pairs, range(mapping.mark))
            case .sequence(let sequence):
                return .sequence(sequence.map(convert), range(sequence.mark))
            case .alias(let alias):
                return .scalar("*\(alias.anchor.rawValue)", .string, range(alias.mark))
            }
        }

        private func type(of node: Node, style: Node.Scalar.Style) -> YAMLScalarType {
            if style != .plain && style != .any { return .string }
            if node.null != nil { return .null }
            if node.bool != nil { return .boolean }
            if node.int != nil { return .integer }
            if node.float != nil { return .float }
            if node.timestamp != nil { return .timestamp }
            return .string
        }

        func diagnostic(for error: YamlError) -> Diagnostic {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let parserText = ([problem] + (context.map { [$0.text] } ?? [])).joined(separator: ", ")
                // libyaml notices a key without its colon, an unclosed quote or an unclosed `[`/`{` only on a
                // later line; the slip is where that construct opened, which its context marks. The parser's
                // own words follow as a note at the place it noticed.
                let opened = context.flatMap { YAMLProblemWording.opensConstruct($0.text) ? $0.mark : nil }
                let notes = [Diagnostic.Note("the YAML parser says: \(parserText)",
                                             at: opened != nil ? range(mark) : context.map { range($0.mark) })]
                return Diagnostic(.yamlSyntax, YAMLProblemWording.plain(problem: problem, context: context?.text),
                                  at: range(opened ?? mark), notes: notes)
            case .duplicatedKeysInMapping(let duplicates, let context):
                let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
                return Diagnostic(.duplicateKey, "key \(names) is given more than once; keep one", at: range(context.mark))
            case .reader(let problem, _, _, _):
                return Diagnostic(.yamlSyntax, "front matter cannot be read: \(problem)", at: range(nil))
            default:
                return Diagnostic(.yamlSyntax, "front matter cannot be read: \(error)", at: range(nil))
            }
        }
    }
}
