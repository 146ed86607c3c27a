import Foundation
import TestSupport
import StrategyModel
import StrategyRender

/// The workbook writer's tests: the small fixture's model, its stamp, and golden files.
enum WorkbookSupport {
    static let snapshots = TestPaths.packageRoot.appendingPathComponent("Tests/StrategyWorkbookTests/Snapshots")

    static func model(_ folder: URL = ReturnFixtures.small) throws -> Strategy {
        try ReturnFixtures.compile(folder)
    }

    static func stamp(_ strategy: Strategy) -> PublicationStamp {
        PublicationStamp(strategy, generator: "strategyc test")
    }

    static func matchesSnapshot(_ actual: String, named name: String) throws -> Bool {
        try Snapshot.compare(actual, with: snapshots.appendingPathComponent(name)).matches
    }
}
