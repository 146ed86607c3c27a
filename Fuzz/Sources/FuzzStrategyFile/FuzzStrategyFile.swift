import Foundation
import StrategyCompiler

/// The smallest strategy a key area can be built in: three levels and one theme, so that each run spends
/// its time on the fuzzed file. (`STRATEGYC_FUZZ_STRATEGY=Strategy` uses a real strategy's instead.)
private let context: [(relativePath: String, data: Data)] = {
    if let root = ProcessInfo.processInfo.environment["STRATEGYC_FUZZ_STRATEGY"] {
        let paths = (FileManager.default.subpaths(atPath: root) ?? []).filter { $0 == "strategy.md" || $0.hasPrefix("themes/") }
        return paths.compactMap { path in FileManager.default.contents(atPath: root + "/" + path).map { (path, $0) } }
    }
    return [
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
}()

/// Each input is one key-area file: front matter and body, through read, parse, build and check.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = StrategyCompiler().compile(files: context + [("key-areas/showing-leadership/fuzzed.md", data)])
    return 0
}
