import Foundation
import StrategyDiagnostics
import StrategyPipeline
import StrategyStore
import Testing
import TestSupport

/// `returns add` as a benchmark's keeper runs it, performed in the test process: which returns go into the
/// store and which are kept out, with the exact diagnostic, and the store read back with Python's sqlite3.
/// `EndToEndTests.BenchmarkCommandTests` keeps what the commands print, the crash mid-transaction and the
/// argument checks.
@Suite struct RecordReturnsTests {
    private let finance = ReturnsScratch.example("riverside-2026-finance")
    private let procurement = ReturnsScratch.example("riverside-2026-procurement")

    private func text(_ diagnostics: [Diagnostic]) -> String { DiagnosticFormat.text.render(diagnostics) }

    @Test func aFileThatIsNotAStoreIsNeverWrittenTo() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let notes = scratch.path("notes.sqlite")
        try Data("my notes\n".utf8).write(to: URL(fileURLWithPath: notes))
        #expect {
            _ = try scratch.record([procurement], store: notes)
        } throws: { error in
            "\(error)" == "'\(notes)' is not a strategyc returns store (it is not an SQLite database); it was left untouched"
        }
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
    }

    @Test func aReturnThatIsNotLaterThanTheRecordedOneIsNotRecorded() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        #expect(ReturnsScratch.results(try scratch.record([procurement]).outcome) == ["added"])
        // The same answers, other bytes, the same assessment date: nothing says it is newer.
        let copy = try scratch.altered("riverside-2026-procurement", [:], name: "again.xlsx")
        let notNewer = try scratch.record([copy])
        #expect(ReturnsScratch.results(notNewer.outcome) == ["not newer"])
        #expect(notNewer.diagnostics.map(\.code) == [.returnNotNewer])
        #expect(text(notNewer.diagnostics).hasPrefix("\(copy): warning: '\(copy)' was not recorded: riverside-2026-procurement.xlsx (assessed 2026-03-16) is already recorded for Riverside District Council, Head of procurement, round 2026, and this return is not later (assessed 2026-03-16); remove that one first with `strategyc returns remove "))
        #expect(try scratch.query("select fileName from returns") == "riverside-2026-procurement.xlsx")
        // A later date replaces it, and the log says so.
        let later = try scratch.altered("riverside-2026-procurement", ["AboutAssessmentDate": "2026-04-01"], name: "later.xlsx")
        let replaced = try scratch.record([later])
        #expect(replaced.diagnostics == [])
        guard case .replaced(let stored, let older)? = replaced.outcome?.entries.first?.result else {
            Issue.record("not replaced: \(ReturnsScratch.results(replaced.outcome))")
            return
        }
        #expect(RecordReturnsAction.who(stored) == "Riverside District Council, Head of procurement, round 2026")
        #expect((older.fileName, older.assessedOn) == ("riverside-2026-procurement.xlsx", "2026-03-16"))
        #expect(try scratch.query("select action, fileName from log order by id") == "added|riverside-2026-procurement.xlsx\nreplaced|riverside-2026-procurement.xlsx\nadded|later.xlsx")
    }

    @Test func aReturnThatDoesNotSayWhoOrWhereIsRefused() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let bad = try scratch.altered("riverside-2026-procurement", ["AboutRegion": "Nort West", "AboutRound": nil], name: "bad.xlsx")
        let recorded = try scratch.record([bad, finance])
        #expect(ReturnsScratch.results(recorded.outcome) == ["refused", "added"])
        let said = text(recorded.diagnostics)
        #expect(said.contains("\(bad):About!B10: error: '\(bad)' does not answer 'Round' on its About sheet: a return is compared with its peers only when it says who and when it is [return-about-missing]\n"))
        #expect(said.contains("\(bad):About!B6: error: '\(bad)' answers 'Region' with 'Nort West', which is not one of the list's choices (did you mean 'North West'?) [return-about-invalid]\n"))
        #expect(try scratch.query("select fileName from returns") == "riverside-2026-finance.xlsx")
    }

    @Test func aReturnOfAVariantThatIsNotThereIsRefused() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        let recorded = try scratch.record([finance], variants: scratch.folder.path)
        #expect(ReturnsScratch.results(recorded.outcome) == ["refused"])
        #expect(text(recorded.diagnostics).hasPrefix("\(finance): error: '\(finance)' was made from variant 'riverside', which is not a variant in '\(scratch.folder.path)': give the folder that holds it with --variants [return-unknown-variant]\n"))
        #expect(recorded.outcome?.returns == 0)
    }

    @Test func warningsAsErrorsKeepsAReturnWithAWarningOutOfTheStore() throws {
        let scratch = try ReturnsScratch()
        defer { scratch.remove() }
        // Another version of the same edition: a warning (return-model-changed), the answers still read.
        let changed = scratch.path("changed.xlsx")
        try PythonScript.copy("Examples/returns/riverside-2026-finance.xlsx", to: changed, settingMetadata: "Content hash",
                              to: String(repeating: "0", count: 64))
        let strict = try scratch.record([changed], store: scratch.path("strict.sqlite"), warningsAsErrors: true)
        #expect(ReturnsScratch.results(strict.outcome) == ["refused"])
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(text(strict.diagnostics).contains("error: the return was made from another version of edition 2022"))
        #expect(try scratch.query("select count(*) from returns", store: scratch.path("strict.sqlite")) == "0")
        let lenient = try scratch.record([changed], store: scratch.path("lenient.sqlite"))
        #expect(ReturnsScratch.results(lenient.outcome) == ["added"])
        #expect(text(lenient.diagnostics).contains("warning: the return was made from another version of edition 2022"))
        #expect(try scratch.query("select count(*) from returns", store: scratch.path("lenient.sqlite")) == "1")
    }
}
