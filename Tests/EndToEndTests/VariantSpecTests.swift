import Foundation
import TestSupport
import Testing

/// Runs the examples of `docs/variants.md`, the literate specification of the variant format.
///
/// Each example is one or more `markdown variant PATH` blocks (files written into a scratch copy of this
/// repository, which has `Strategy/` and the example `Variants/`), then a `text transcript` block: a
/// `$ strategyc …` line, then exactly what the command prints (standard error, then standard output),
/// and `(exit status N)` when it is not 0.
struct VariantSpecExample: CustomTestStringConvertible, Sendable {
    var number: Int
    var line: Int
    var files: [(path: String, text: String)]
    var arguments: [String]
    var expected: String

    var testDescription: String { "example \(number) (docs/variants.md:\(line))" }

    static let specURL = StrategycRunner.packageRoot.appendingPathComponent("docs/variants.md")

    /// The examples, read with a plain fence scanner (``` lines and their info strings).
    static let all: [VariantSpecExample] = {
        guard let text = try? String(contentsOf: specURL, encoding: .utf8) else { return [] }
        var examples: [VariantSpecExample] = []
        var files: [(String, String)] = []
        var firstLine = 0
        var open: (info: [String], line: Int, body: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if var block = open {
                guard line == "```" else {
                    block.body.append(line)
                    open = block
                    continue
                }
                open = nil
                let body = block.body.map { $0 + "\n" }.joined()
                if block.info.starts(with: ["markdown", "variant"]), block.info.count == 3 {
                    if files.isEmpty { firstLine = block.line }
                    files.append((block.info[2], body))
                } else if block.info == ["text", "transcript"], let command = block.body.first, command.hasPrefix("$ strategyc ") {
                    examples.append(VariantSpecExample(
                        number: examples.count + 1, line: files.isEmpty ? block.line : firstLine, files: files,
                        arguments: command.dropFirst("$ strategyc ".count).split(separator: " ").map(String.init),
                        expected: block.body.dropFirst().map { $0 + "\n" }.joined()))
                    files = []
                }
            } else if line.hasPrefix("```") {
                open = (line.dropFirst(3).split(separator: " ").map(String.init), index + 1, [])
            }
        }
        return examples
    }()
}

@Suite struct VariantSpecTests {
    @Test func specHasExamples() {
        #expect(VariantSpecExample.all.count >= 6)
    }

    @Test(arguments: VariantSpecExample.all)
    func example(_ example: VariantSpecExample) throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        for file in example.files { try repo.write(file.path, file.text) }
        let result = try repo.run(example.arguments)
        #expect(!result.crashed)
        let transcript = result.stderr + result.stdout + (result.status == 0 ? "" : "(exit status \(result.status))\n")
        #expect(transcript == example.expected, "docs/variants.md:\(example.line): the command printed\n\(transcript)")
    }
}
