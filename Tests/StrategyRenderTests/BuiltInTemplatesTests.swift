import Foundation
@testable import StrategyRender
import StrategyModel
import Testing
import StrategyDiagnostics

/// The templates built into the binary are `Templates/`, byte for byte: the EmbedTemplates tool (run by its
/// plugin on every build) must neither drop, add nor change a byte of any file.
@Suite struct BuiltInTemplatesTests {
    private func folderFiles() -> [String: Data] {
        let root = RenderSupport.templates.path
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: root) ?? [] where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: root + "/" + path)
        }
        return files
    }

    @Test func builtInTemplatesAreTheTemplatesFolder() {
        let folder = folderFiles()
        let builtIn = BuiltInTemplates.files.mapValues { Data($0.utf8) }
        #expect(Set(builtIn.keys) == Set(folder.keys), "the built-in templates are not the Templates folder's files")
        for (path, data) in folder {
            #expect(builtIn[path] == data, "\(path) differs from its built-in copy")
        }
    }

    /// The built-in set loads clean, and names its files so that a diagnostic says where they come from.
    @Test func builtInSetLoadsAndNamesItsSource() throws {
        let collector = DiagnosticCollector()
        let set = try #require(TemplateSet.load(.builtIn, overrides: [], reportingTo: collector))
        #expect(collector.diagnostics.isEmpty)
        #expect(set.sources["key-area"]?.path == "(built-in templates)/key-area.mustache")
        #expect(set.assets.map(\.path) == ["assets/style.css"])
    }

    /// An override folder replaces single files, the last folder winning, and leaves the rest.
    @Test func overridesReplaceSingleFilesLastWins() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-overrides-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let region = root.appendingPathComponent("region"), council = root.appendingPathComponent("council")
        try FileManager.default.createDirectory(at: region.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: council.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("<footer>region</footer>\n".utf8).write(to: region.appendingPathComponent("partials/footer.mustache"))
        try Data("<footer>council</footer>\n".utf8).write(to: council.appendingPathComponent("partials/footer.mustache"))
        try Data("<p>region header</p>\n".utf8).write(to: region.appendingPathComponent("partials/header.mustache"))
        let collector = DiagnosticCollector()
        let set = try #require(TemplateSet.load(.builtIn, overrides: [region.path, council.path], reportingTo: collector))
        #expect(collector.diagnostics.isEmpty)
        #expect(set.sources["partials/footer"]?.text == "<footer>council</footer>\n")
        #expect(set.sources["partials/header"]?.path == region.path + "/partials/header.mustache")
        #expect(set.sources["key-area"]?.path == "(built-in templates)/key-area.mustache")
    }

    /// A broken override is reported in the override's own file (where the parser noticed: the unclosed
    /// section at the end), and only there; a link in it is refused.
    @Test func brokenOverrideIsReportedAtItsFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("strategyc-overrides-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("<footer>\n{{#open}}\n</footer>\n".utf8).write(to: root.appendingPathComponent("partials/footer.mustache"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("index.mustache").path,
                                                   withDestinationPath: "/etc/hostname")
        let collector = DiagnosticCollector()
        #expect(TemplateSet.load(.builtIn, overrides: [root.path], reportingTo: collector) == nil)
        let found = collector.diagnostics.map { "\($0.range.start) \($0.code.rawValue)" }.sorted()
        #expect(found == ["\(root.path)/index.mustache template-asset-name", "\(root.path)/partials/footer.mustache:4:2 template-syntax"])
    }
}
