import Foundation
import TestSupport
import Testing

/// The command line treats every command alike: a mistyped subcommand gets a suggestion, every command
/// takes the strategy folder as its argument, `diff` names sides as the user did, and
/// `--warnings-as-errors` covers every stage's warnings.
@Suite struct CommandLineTests {
    @Test func mistypedSubcommandGetsDidYouMean() throws {
        let result = try StrategycRunner.run(["chek", "Strategy"])
        #expect(result.status == 2)
        #expect(result.stderr == "Error: Unknown subcommand 'chek'. Did you mean 'check'?\nUsage: strategyc <subcommand>\n  See 'strategyc --help' for more information.\n")
        let option = try StrategycRunner.run(["check", "--warnings-as-error"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("Error: Unknown option '--warnings-as-error'. Did you mean '--warnings-as-errors'?"))
    }

    /// Yams prints a line to stdout for every document it parses with its default encoding while
    /// YAMS_DEFAULT_ENCODING is set; stdout is for the closing line (and for what a command writes there).
    @Test func theEnvironmentCannotAddLinesToOutput() throws {
        let result = try StrategycRunner.run(["check", "Strategy"], environment: ["YAMS_DEFAULT_ENCODING": "UTF16"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        #expect(result.stdout.hasPrefix("Strategy: National Procurement Strategy"), "\(result.stdout)")
    }

    @Test func newTakesTheStrategyFolderAsItsArgument() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try FileManager.default.moveItem(at: repo.url("Strategy"), to: repo.url("National"))
        let result = try repo.run(["new", "enabler", "National", "--title", "Managing data"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote National/key-areas/enablers/managing-data.md: enabler 'managing-data' with indicator 'managing-data-maturity'\n", "\(result.stdout)")
        let legacy = try repo.run(["new", "enabler", "--strategy", "National", "--title", "Sharing data"])
        #expect(legacy.status == 0, "\(legacy.stderr)")
    }

    @Test func diffNamesAGitSideAsGivenNeverATemporaryPath() throws {
        let repo = try ProjectCopy(git: true)
        defer { repo.remove() }
        let file = "Strategy/key-areas/enablers/adding-value.md"
        try repo.edit(file, "theme: enablers", "them: enablers")
        try repo.shell(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qam", "typo"])
        try repo.edit(file, "them: enablers", "theme: enablers")
        let result = try repo.run(["diff", "git:HEAD", "Strategy"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("/tmp"), "\(result.stderr)")
        let line = try #require(try repo.read(file).components(separatedBy: "\n").firstIndex { $0.hasPrefix("theme:") }) + 1
        #expect(result.stderr.hasPrefix("git:HEAD:\(file):\(line):1: error: unknown key `them` in key area front matter; did you mean `theme`? [unknown-key]\n"), "\(result.stderr)")
    }

    /// A template warning fails the build under --warnings-as-errors, as a source warning does.
    @Test func warningsAsErrorsCoversTemplateWarnings() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        try repo.write("Templates/assets/Logo.PNG", "not really a picture")
        let lenient = try repo.run(["build"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr == "Templates/assets/Logo.PNG:1:1: warning: asset 'assets/Logo.PNG' is skipped: use lowercase letters, digits and hyphens in asset names [template-asset-name]\n0 errors and 1 warning generated.\n")
        let strict = try repo.run(["build", "--warnings-as-errors", "--out", "strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr == "Templates/assets/Logo.PNG:1:1: error: asset 'assets/Logo.PNG' is skipped: use lowercase letters, digits and hyphens in asset names [template-asset-name]\n1 error and 0 warnings generated.\n")
        #expect(!FileManager.default.fileExists(atPath: repo.url("strict").path))
    }

    @Test func errorLimitShowsTheFirstErrorsAndSaysHowManyMore() throws {
        let repo = try ProjectCopy()
        defer { repo.remove() }
        let folder = "Strategy/key-areas/showing-leadership/"
        try FileManager.default.copyItem(at: repo.url(folder + "engaging-councillors.md"),
                                         to: repo.url(folder + "engaging-councillors-copy.md"))
        let all = try repo.run(["check"])
        #expect(all.status == 1)
        let errors = all.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 5, "\(all.stderr)")
        let limited = try repo.run(["check", "--error-limit", "2"])
        #expect(limited.status == 1)
        let shown = limited.stderr.components(separatedBy: "\n").filter { $0.contains(": error: ") }
        #expect(shown == Array(errors.prefix(2)))
        #expect(limited.stderr.hasSuffix("strategyc: 3 more errors not shown (--error-limit 2)\n"), "\(limited.stderr)")
    }
}
