import Foundation
@testable import StrategyCompiler
import Testing

/// Reading never crashes on bad bytes, and reports where the problem is.
@Suite struct ReaderTests {
    @Test func invalidUTF8IsLocated() {
        let data = Data(Array("ok\nalso ok\nbad: ".utf8) + [0xE2, 0x28, 0xA1])
        let offset = StrategyReader.firstInvalidUTF8Byte(in: data)
        #expect(offset == 16)
        let position = StrategyReader.position(ofByte: offset!, in: data)
        #expect(position.line == 3 && position.column == 6)
    }

    @Test func validUTF8HasNoBadByte() {
        #expect(StrategyReader.firstInvalidUTF8Byte(in: Data("Café — £5 💷".utf8)) == nil)
    }

    @Test func missingFolderIsAnIOError() {
        #expect(throws: StrategyReadError.notFound("/nonexistent/strategy")) {
            try StrategyReader().read(folder: "/nonexistent/strategy")
        }
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("themes/people.md")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: url)).write(to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
    }

    @Test func windowsLineEndingsAreAccepted() throws {
        let root = try TestSupport.copy(fixture: "small")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let url = root.appendingPathComponent("key-areas/people/councillors.md")
        let text = try TestSupport.read(url).replacingOccurrences(of: "\n", with: "\r\n")
        try TestSupport.write(text, to: url)
        let compilation = try StrategyCompiler().compile(folder: root.path)
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics)")
        let area = try #require(compilation.strategy?.allKeyAreas.first { $0.id == "councillors" })
        #expect(area.description.markdown == "How councillors take part.")
    }
}
