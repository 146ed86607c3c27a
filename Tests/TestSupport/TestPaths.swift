import Foundation

/// Where the tests find the package and where they write: one home for what every test target needs, so
/// that moving a folder or changing how scratch folders are made is one edit.
public enum TestPaths {
    /// The package's root folder, found from this file's place in it (Tests/TestSupport/TestPaths.swift),
    /// so that tests read the shipped Strategy/, Templates/ and fixtures wherever the checkout is.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A new empty folder under the system's temporary folder, named `strategyc-PURPOSE-UUID` so that a
    /// folder left behind says which tests made it. `resolvingLinks` resolves /tmp links once, for tests
    /// that compare paths with what the code reports.
    public static func scratch(_ purpose: String, resolvingLinks: Bool = false) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-\(purpose)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return resolvingLinks ? url.resolvingSymlinksInPath() : url
    }
}
