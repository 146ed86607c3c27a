import Foundation
import StrategyModel
import Testing
@testable import StrategyServer
import StrategyDiagnostics

@Suite struct PreviewStateTests {
    private let error = Diagnostic(.unknownTheme, "bad", at: SourceRange(at: SourceLocation(path: "a.md", line: 1, column: 1)))

    @Test func aFailedBuildKeepsTheLastGoodSite() async {
        let state = PreviewState()
        await state.record(PreviewBuild(files: ["index.html": Data("one".utf8)], diagnostics: []))
        await state.record(PreviewBuild(files: nil, diagnostics: [error]))
        #expect(await state.site == ["index.html": Data("one".utf8)])
        #expect(await state.generation == 2)
        #expect(await state.latestSucceeded == false)
        #expect(await state.diagnosedFiles == ["a.md"])
        await state.record(PreviewBuild(files: ["index.html": Data("two".utf8)], diagnostics: []))
        #expect(await state.site == ["index.html": Data("two".utf8)])
        #expect(await state.diagnosedFiles == [])
    }

    @Test func filesWithErrorsAreNeverServed() async {
        let state = PreviewState()
        await state.record(PreviewBuild(files: ["index.html": Data("broken".utf8)], diagnostics: [error]))
        #expect(await state.site == nil)
    }

    @Test func listenersHearEveryBuildAndEndOnClose() async {
        let state = PreviewState()
        let (_, builds) = await state.listen()
        await state.record(PreviewBuild(files: [:], diagnostics: []))
        var iterator = builds.makeAsyncIterator()
        #expect(await iterator.next() == 1)
        await state.record(PreviewBuild(files: nil, diagnostics: [error]))
        // Closed before reading on, so that a build never announced fails the test instead of hanging it.
        await state.close()
        #expect(await iterator.next() == 2)
        #expect(await iterator.next() == nil)
        #expect(await state.listenerCount == 0)
        let (_, late) = await state.listen()
        var lateIterator = late.makeAsyncIterator()
        #expect(await lateIterator.next() == nil)
    }
}
