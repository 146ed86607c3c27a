import Foundation
import StrategyModel
import StrategyRender
import StrategyDiagnostics

extension PublicationPipeline {
    /// The groups of `benchmark.json` a council belongs to, by its region and type: nil (reported) when
    /// the file cannot be read, is not a benchmark, or was made against another edition.
    public func peerComparison(_ path: String, edition: String, region: String, type: String) -> PeerComparison? {
        func refuse(_ why: String) -> PeerComparison? {
            collector.report(Diagnostic(.peersUnusable, "'\(path)' cannot be used for the peer comparison: \(why)",
                                        at: SourceRange(at: .wholeFile(path))))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else { return refuse("there is no such file") }
        guard data.count < 64 << 20, let document = try? BenchmarkDocument.read(data) else {
            return refuse("it is not a benchmark.json written by this `strategyc benchmark` (format \(BenchmarkDocument.currentFormat))")
        }
        guard document.strategy.edition == edition else {
            return refuse("it compares edition \(document.strategy.edition), and this report is of edition \(edition)")
        }
        guard document.scope == "national" else {
            return refuse("it is a regional report's figures; give the national benchmark.json")
        }
        return document.peerComparison(region: region, type: type)
    }
}
