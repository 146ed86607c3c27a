import Foundation
import TestSupport
import Testing

/// `check --since git:HEAD` and `previous_edition` through the binary, in a git repository: the summary line
/// naming what the ids were held against, and `previous_edition` resolved by `check`. The rules themselves
/// (ids gone, changed, reused, with fix-its applied) are `StrategyPipelineTests.ContinuityTests`.
@Suite struct ContinuityTests {
    /// The 1-based number of the first line of `path` that starts with `prefix`.
    private func line(_ repo: ProjectCopy, _ path: String, startingWith prefix: String) throws -> Int {
        let lines = try repo.read(path).components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }) + 1
    }

    @Test func cleanStrategyPassesAndSaysWhatItWasHeldAgainst() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let result = try repo.run(["check", "--since", "git:HEAD"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("; no errors, 0 warnings ("), "\(result.stdout)")
        #expect(result.stdout.hasSuffix(" files); ids held against git:HEAD\n"), "\(result.stdout)")
    }

    /// `previous_edition` in strategy.md is used without `--since`; one that cannot be read is reported
    /// at its value, by `check` as by `build`.
    @Test func previousEditionIsResolvedByCheck() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        try repo.edit("Strategy/strategy.md", "published: 2022-08-01\n", "published: 2022-08-01\nprevious_edition: git:no-such-revision\n")
        let line = try self.line(repo, "Strategy/strategy.md", startingWith: "previous_edition:")
        let result = try repo.run(["check"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Strategy/strategy.md:\(line):19: error: previous edition 'git:no-such-revision' cannot be read: git archive failed:"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("[previous-edition-unavailable]\n1 error and 0 warnings generated.\n"))
        try repo.edit("Strategy/strategy.md", "git:no-such-revision", "git:HEAD")
        let good = try repo.run(["check"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.hasSuffix("ids held against git:HEAD\n"))
    }

}
