import Foundation
@testable import StrategyCompiler
import StrategyModel
import Testing
import StrategyDiagnostics

/// Runs the examples of `docs/format.md`, the literate specification of the source format.
///
/// Blocks marked `markdown base PATH` make up a small strategy that every example is compiled in; each
/// `markdown example [PATH]` block is written to PATH (default `key-areas/example.md`) and compiled, and the
/// output must equal the `text expected` block that follows it: the example file's diagnostics, then, if
/// none is an error, the key area it built.
struct SpecExample: CustomTestStringConvertible, Sendable {
    var number: Int
    var line: Int
    var path: String
    var source: String
    var expected: String

    var testDescription: String { "example \(number) (docs/format.md:\(line))" }
}

struct FormatSpec {
    var base: [(path: String, source: String)] = []
    var examples: [SpecExample] = []

    static let specURL = TestSupport.packageRoot.appendingPathComponent("docs/format.md")

    /// The spec parsed with the project's own cmark wrapper.
    static let shared: FormatSpec = {
        guard let text = try? TestSupport.read(specURL) else { return FormatSpec() }
        var spec = FormatSpec()
        var pending: (line: Int, path: String, source: String)?
        for block in CommonMarkParser.parse(text).children {
            guard case .codeBlock(let info) = block.kind else { continue }
            let words = info.split(separator: " ").map(String.init)
            switch (words.first, words.dropFirst().first) {
            case ("markdown", "base"):
                spec.base.append((words.count > 2 ? words[2] : "", block.literal))
            case ("markdown", "example"):
                pending = (block.startLine, words.count > 2 ? words[2] : "key-areas/example.md", block.literal)
            case ("text", "expected"):
                guard let example = pending else { continue }
                spec.examples.append(SpecExample(number: spec.examples.count + 1, line: example.line,
                                                 path: example.path, source: example.source,
                                                 expected: block.literal))
                pending = nil
            default:
                continue
            }
        }
        return spec
    }()

    /// Compiles one example in a fresh copy of the base strategy and renders what the spec shows.
    func output(of example: SpecExample?) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-spec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for file in base { try TestSupport.write(file.source, to: root.appendingPathComponent(file.path)) }
        guard let example else {
            return DiagnosticFormat.text.render(try StrategyCompiler().compile(folder: root.path).diagnostics)
        }
        try TestSupport.write(example.source, to: root.appendingPathComponent(example.path))
        let compilation = try StrategyCompiler().compile(folder: root.path)
        let examplePath = root.appendingPathComponent(example.path).path
        let diagnostics = compilation.diagnostics.filter { $0.range.path == examplePath }
        var output = DiagnosticFormat.text.render(diagnostics)
            .split(separator: "\n").filter { !$0.hasSuffix(" generated.") }
            .map { $0.replacingOccurrences(of: root.path + "/", with: "") + "\n" }.joined()
        if !diagnostics.containsErrors, let strategy = compilation.strategy {
            let areas = strategy.allKeyAreas.filter { $0.source == example.path }
            output += ModelDumper(root: root.path).dump(areas)
        }
        return output
    }
}

@Suite struct FormatSpecTests {
    @Test func specHasExamplesAndABase() {
        #expect(FormatSpec.shared.base.count >= 3)
        #expect(FormatSpec.shared.examples.count >= 8)
    }

    @Test func baseStrategyIsValid() throws {
        let output = try FormatSpec.shared.output(of: nil)
        #expect(!output.contains("error:"), "\(output)")
    }

    @Test(arguments: FormatSpec.shared.examples)
    func example(_ example: SpecExample) throws {
        let actual = try FormatSpec.shared.output(of: example)
        #expect(actual == example.expected,
                "docs/format.md:\(example.line) gives:\n\(actual)\n--- the spec says ---\n\(example.expected)")
    }
}
