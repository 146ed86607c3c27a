import Foundation
import TestSupport
import Testing

/// `strategyc returns add|list|remove` and `strategyc benchmark` as a benchmark's keeper runs them, on the
/// committed example returns of the invented Riverside District Council: what they print, how they exit,
/// and a process killed mid-transaction. Which returns go in and what the benchmark publishes is checked
/// in the test process (`StrategyPipelineTests.RecordReturnsTests`, `BenchmarkPublishingTests`).
@Suite struct BenchmarkCommandTests {
    private func scratch() throws -> URL {
        try TestPaths.scratch("benchmark")
    }

    private let examples = ["riverside-2025-procurement", "riverside-2026-finance", "riverside-2026-housing",
                            "riverside-2026-procurement"].map { "Examples/returns/\($0).xlsx" }

    /// Rows of a query on the store, through Python's own sqlite3 (not strategyc's GRDB).
    private func query(_ store: URL, _ sql: String) throws -> String {
        try PythonScript.query(store.path, sql)
    }

    @Test func returnsGoInOnceAndEveryFileIsAccountedFor() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        let first = try StrategycRunner.run(["returns", "add"] + examples + ["--store", store], environment: ["SOURCE_DATE_EPOCH": "1790000000"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr == "")
        #expect(first.stdout == """
            added      Examples/returns/riverside-2025-procurement.xlsx: Riverside District Council, Head of procurement, round 2025
            added      Examples/returns/riverside-2026-finance.xlsx: Riverside District Council, Finance business partner, round 2026
            added      Examples/returns/riverside-2026-housing.xlsx: Riverside District Council, Housing commissioning lead, round 2026
            added      Examples/returns/riverside-2026-procurement.xlsx: Riverside District Council, Head of procurement, round 2026
            wrote \(store): 4 added, 0 replaced, 0 unchanged, 0 not newer, 0 refused; it holds 4 returns of 1 council

            """)
        let again = try StrategycRunner.run(["returns", "add", examples[1], "--store", store])
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("unchanged  Examples/returns/riverside-2026-finance.xlsx: already recorded\n"))
        #expect(try query(URL(fileURLWithPath: store), "select count(*), sum(local) from answers") == "284|16")
        let list = try StrategycRunner.run(["returns", "list", "--store", store, "--round", "2025"])
        #expect(list.status == 0)
        #expect(list.stdout.hasSuffix("round 2025  Riverside District Council  Head of procurement  North West  District council  self-assessed  edition 2022  variant riverside  riverside-2025-procurement.xlsx\n1 return in \(store) for round 2025\n"))
        let log = try StrategycRunner.run(["returns", "list", "--store", store, "--log"])
        #expect(log.stdout.split(separator: "\n").count == 4)
        #expect(log.stdout.hasPrefix("2026-09-21T14:13:20Z  added "))
        // Removing by hash prefix: listed, logged, gone.
        let hash = String(list.stdout.prefix(12))
        let removed = try StrategycRunner.run(["returns", "remove", hash, "--store", store])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "wrote \(store): removed riverside-2025-procurement.xlsx\n")
        #expect(try query(URL(fileURLWithPath: store), "select count(*) from returns") == "3")
        #expect(try query(URL(fileURLWithPath: store), "select action from log order by id desc limit 1") == "removed")
    }

    @Test func aCrashInsideATransactionLeavesNoHalfRecordedReturn() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite")
        // The third return's answers are written, then the process is killed before its commit.
        let crashed = try StrategycRunner.run(["returns", "add"] + examples + ["--store", store.path],
                                              environment: ["STRATEGYC_TEST_CRASH_DURING_ADD": "3"])
        #expect(crashed.crashed)
        #expect(try query(store, "pragma integrity_check") == "ok")
        #expect(try query(store, "select fileName from returns order by id") == "riverside-2025-procurement.xlsx\nriverside-2026-finance.xlsx")
        // Every return recorded is whole, and no answer belongs to a return that was not.
        #expect(try query(store, "select count(*) from answers group by returnId") == "71\n71")
        #expect(try query(store, "select count(*) from answers where returnId not in (select id from returns)") == "0")
        #expect(try query(store, "select action, fileName from log order by id") == "added|riverside-2025-procurement.xlsx\nadded|riverside-2026-finance.xlsx")
        // Adding again finishes the job and changes nothing already there.
        let again = try StrategycRunner.run(["returns", "add"] + examples + ["--store", store.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.split(separator: "\n").map { $0.prefix(10) } == ["unchanged ", "unchanged ", "added     ", "added     ", "wrote /tmp"])
        #expect(try query(store, "select count(*) from answers group by returnId") == "71\n71\n71\n71")
    }

    @Test func theThresholdIsNeverBelowThree() throws {
        let result = try StrategycRunner.run(["benchmark", "--store", "x.sqlite", "--round", "2026", "--threshold", "2"])
        #expect(result.status == 64 || result.status == 2)
        #expect(result.stderr.contains("--threshold must be at least 3: below that, a published figure could point at a council"))
    }

    /// A copy of a return with its About answers changed through openpyxl (nil clears a cell), or only
    /// re-zipped (the same content, other bytes) when `about` is empty.
    private func altered(_ source: String, _ about: [String: String?], into folder: URL, name: String) throws -> String {
        let target = folder.appendingPathComponent(name).path
        try PythonScript.copy(source, to: target, settingAbout: about)
        return target
    }

    /// Every outcome of `returns add` has its line, the summary counts each, and a file that is not a store
    /// is an I/O error (exit 2) that leaves it untouched.
    @Test func returnsAddWordsEveryOutcome() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        _ = try StrategycRunner.run(["returns", "add", examples[3], "--store", store])
        let copy = try altered(examples[3], [:], into: folder, name: "again.xlsx")
        let bad = try altered(examples[3], ["AboutRound": nil], into: folder, name: "bad.xlsx")
        let kept = try StrategycRunner.run(["returns", "add", copy, bad, "--store", store])
        #expect(kept.status == 1)
        #expect(kept.stdout == """
            not newer  \(copy): riverside-2026-procurement.xlsx is recorded for Riverside District Council, Head of procurement, round 2026
            refused    \(bad): see the diagnostics
            wrote \(store): 0 added, 0 replaced, 0 unchanged, 1 not newer, 1 refused; it holds 1 return of 1 council

            """)
        #expect(kept.stderr.contains("[return-not-newer]") && kept.stderr.contains("[return-about-missing]"))
        let later = try altered(examples[3], ["AboutAssessmentDate": "2026-04-01"], into: folder, name: "later.xlsx")
        let replaced = try StrategycRunner.run(["returns", "add", later, "--store", store])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.hasPrefix("replaced   \(later): Riverside District Council, Head of procurement, round 2026, replacing riverside-2026-procurement.xlsx (assessed 2026-03-16)\n"))
        let notes = folder.appendingPathComponent("notes.sqlite")
        try Data("my notes\n".utf8).write(to: notes)
        let notAStore = try StrategycRunner.run(["returns", "add", examples[0], "--store", notes.path])
        #expect(notAStore.status == 2)
        #expect(notAStore.stderr.hasPrefix("\(notes.path): error: '\(notes.path)' is not a strategyc returns store (it is not an SQLite database); it was left untouched [store-unusable]\n"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes\n")
    }

    /// `benchmark` says what it wrote, or exits 1 naming the rounds the store holds.
    @Test func benchmarkSaysWhatItWroteOrWhyNot() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        _ = try StrategycRunner.run(["returns", "add"] + examples + ["--store", store])
        let unknown = try StrategycRunner.run(["benchmark", "--store", store, "--round", "2030", "--out", folder.appendingPathComponent("none").path])
        #expect(unknown.status == 1)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.hasPrefix("\(store): error: the store has no comparable return for round 2030; its rounds are 2025, 2026 [store-unusable]\n"))
        let out = folder.appendingPathComponent("benchmark")
        let result = try StrategycRunner.run(["benchmark", "--store", store, "--round", "2026", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: the benchmark of round 2026, 1 council, national and 0 regional reports (index.html, benchmark.md, figures.csv, benchmark.json; 5 files)\n")
    }
}
