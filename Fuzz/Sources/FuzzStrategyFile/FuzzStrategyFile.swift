import Foundation
import StrategyCompiler
import StrategyModel

/// The smallest strategy a key area can be built in (three levels, one theme), compiled once, so that each
/// run spends its time on the fuzzed file. `STRATEGYC_FUZZ_STRATEGY=Strategy` uses a real strategy instead.
private let context: Strategy? = {
    if let root = ProcessInfo.processInfo.environment["STRATEGYC_FUZZ_STRATEGY"] {
        return (try? StrategyCompiler().compile(folder: root))?.strategy
    }
    let files: [(relativePath: String, data: Data)] = [
        ("strategy.md", Data("""
            ---
            title: Fuzzing
            edition: 2022
            publisher: strategyc
            levels:
              - id: minimum
                name: Minimum
              - id: developing
                name: Developing
              - id: mature
                name: Mature
            ---

            A strategy to build fuzzed key areas in.

            """.utf8)),
        ("themes/showing-leadership.md", Data("""
            ---
            id: showing-leadership
            title: Showing leadership
            order: 1
            kind: theme
            ---

            A theme.

            """.utf8)),
    ]
    return StrategyCompiler().compile(files: files).strategy
}()

/// Each input is one key-area file: read (decoding, line ends, control characters), split, front matter
/// (the anchor scan and YAML), body (cmark), the key area and its indicators built; then, when it could be
/// built, the whole-model checks over the strategy with it in its theme.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard var strategy = context else { return 0 }
    let compiler = StrategyCompiler()
    let collector = DiagnosticCollector()
    let data = Data(bytes: bytes, count: count)
    guard let area = compiler.compileKeyArea(data, relativePath: "key-areas/showing-leadership/fuzzed.md",
                                             in: strategy, reportingTo: collector) else { return 0 }
    if let theme = strategy.themes.firstIndex(where: { $0.id == area.themeID }) {
        strategy.themes[theme].keyAreas.append(area)
    }
    compiler.check(strategy, reportingTo: collector)
    return 0
}
