import Foundation
import StrategyCompiler
import StrategyModel

/// The national strategy the variants are laid on, compiled once.
private let national: Strategy? = {
    let root = ProcessInfo.processInfo.environment["STRATEGYC_FUZZ_STRATEGY"] ?? "Strategy"
    return (try? StrategyCompiler().compile(folder: root))?.strategy
}()

/// A private folder the input is written into for each run.
private let folder: String = {
    let path = NSTemporaryDirectory() + "strategyc-fuzz-variant-\(getpid())"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

private let logoVariant = """
    ---
    id: fuzzed
    title: Fuzzed
    for: Fuzzed Council
    type: district
    base: ../Strategy
    branding:
      accent: "#1d3557"
      logo: logo.svg
    ---

    Introduction.

    """

/// The first byte chooses what the rest is: even, a `variant.md` read and resolved onto the national
/// strategy; odd, an SVG logo checked for safety.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0, let national else { return 0 }
    let body = Data(bytes: bytes + 1, count: count - 1)
    if bytes[0] % 2 == 0 {
        FileManager.default.createFile(atPath: folder + "/variant.md", contents: body)
    } else {
        FileManager.default.createFile(atPath: folder + "/variant.md", contents: Data(logoVariant.utf8))
        FileManager.default.createFile(atPath: folder + "/logo.svg", contents: body)
    }
    let collector = DiagnosticCollector()
    if let layer = try? VariantReader().read(folder: folder, base: national, reportingTo: collector) {
        _ = VariantResolver().resolve(national, layers: [layer], reportingTo: collector)
    }
    return 0
}
