import Foundation
import TestSupport
import Testing

/// `strategyc returns add|list|remove` and `strategyc benchmark` as a benchmark's keeper runs them, on the
/// committed example returns of the invented Riverside District Council (one council: too few for any
/// figure, which is the point of some of these tests).
@Suite struct BenchmarkCommandTests {
    private func scratch() throws -> URL {
        try TestPaths.scratch("benchmark")
    }

    private let examples = ["riverside-2025-procurement", "riverside-2026-finance", "riverside-2026-housing",
                            "riverside-2026-procurement"].map { "Examples/returns/\($0).xlsx" }

    /// Rows of a query on the store, through Python's own sqlite3 (not strategyc's GRDB).
    private func query(_ store: URL, _ sql: String) throws -> String {
        try PythonScript.run("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\\n'.join('|'.join(str(v) for v in r) for r in c.execute(sys.argv[2])))",
                             [store.path, sql])
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

    @Test func aFileThatIsNotAStoreIsNeverWrittenTo() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes.sqlite")
        try Data("my notes\n".utf8).write(to: notes)
        let result = try StrategycRunner.run(["returns", "add", examples[0], "--store", notes.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(notes.path): error: '\(notes.path)' is not a strategyc returns store (it is not an SQLite database); it was left untouched [store-unusable]\n"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes\n")
    }

    @Test func theThresholdIsNeverBelowThree() throws {
        let result = try StrategycRunner.run(["benchmark", "--store", "x.sqlite", "--round", "2026", "--threshold", "2"])
        #expect(result.status == 64 || result.status == 2)
        #expect(result.stderr.contains("--threshold must be at least 3: below that, a published figure could point at a council"))
    }

    @Test func oneCouncilPublishesNothingButSaysWhy() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        _ = try StrategycRunner.run(["returns", "add"] + examples + ["--store", store])
        let unknown = try StrategycRunner.run(["benchmark", "--store", store, "--round", "2030", "--out", folder.appendingPathComponent("none").path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("\(store): error: the store has no comparable return for round 2030; its rounds are 2025, 2026 [store-unusable]\n"))
        let out = folder.appendingPathComponent("benchmark")
        let result = try StrategycRunner.run(["benchmark", "--store", store, "--round", "2026", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out.path)/: the benchmark of round 2026, 1 council, national and 0 regional reports (index.html, benchmark.md, figures.csv, benchmark.json; 5 files)\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("benchmark.json"))) as? [String: Any])
        #expect(json["councils"] as? Int == 0)
        let notes = json["notes"] as? [String] ?? []
        // The one note: the others would count returns of a round too small to publish (the store holds a
        // variant's return of round 2026, which would otherwise have been counted).
        #expect(notes == ["Fewer than 5 councils answered round 2026: no figure can be published."])
        // Not one number about the council: every count, size and total is null, every median too.
        let csv = try String(contentsOf: out.appendingPathComponent("figures.csv"), encoding: .utf8)
        let values = csv.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] }
        #expect(!values.isEmpty && values.allSatisfy(\.isEmpty))
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("Too few councils answered round 2026 for any figure to be published."))
        // A council report compared with it shows the withheld figures, never the council's own back.
        let report = folder.appendingPathComponent("report")
        let compared = try StrategycRunner.run(["report", examples[1], examples[3], "--variant", "Variants/riverside",
                                                "--peers", out.appendingPathComponent("benchmark.json").path, "--out", report.path])
        #expect(compared.status == 0, "\(compared.stderr)")
        let markdown = try String(contentsOf: report.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## Compared to your peers"))
        #expect(markdown.contains("All councils: councils by level reached, round 2026"))
        #expect(markdown.contains("| Engaging councillors | withheld | withheld | withheld | withheld | withheld | withheld | withheld | too few to show |"))
    }

    @Test func peersFromAnotherKindOfFileAreRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = folder.appendingPathComponent("benchmark.json")
        try Data("{\"format\": \"something-else\"}".utf8).write(to: bogus)
        let result = try StrategycRunner.run(["report", examples[1], "--variant", "Variants/riverside", "--peers", bogus.path,
                                              "--out", folder.appendingPathComponent("r").path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(bogus.path): error: '\(bogus.path)' cannot be used for the peer comparison: it is not a benchmark.json written by this `strategyc benchmark` (format strategyc-benchmark-3) [peers-unusable]\n"))
    }

    /// A copy of a return with its About answers changed through openpyxl (None clears a cell), or only
    /// re-zipped with a comment (the same content, other bytes) when `about` is empty.
    private func altered(_ source: String, _ about: [String: String?], into folder: URL, name: String) throws -> String {
        let target = folder.appendingPathComponent(name).path
        let edits = about.map { "\"\($0.key)\": " + ($0.value.map { "\"\($0)\"" } ?? "None") }.joined(separator: ", ")
        let script = """
            import sys, zipfile, openpyxl
            edits = {\(edits)}
            if edits:
                book = openpyxl.load_workbook(sys.argv[1])
                for name, value in edits.items():
                    sheet, cell = list(book.defined_names[name].destinations)[0]
                    book[sheet][cell.replace("$", "")] = value
                book.save(sys.argv[2])
            else:
                with zipfile.ZipFile(sys.argv[1]) as old, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new:
                    new.comment = b"a copy"
                    for item in old.infolist():
                        new.writestr(item, old.read(item.filename))
            """
        try PythonScript.run(script, [StrategycRunner.packageRoot.appendingPathComponent(source).path, target])
        return target
    }

    @Test func aReturnThatIsNotLaterThanTheRecordedOneIsNotRecorded() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        _ = try StrategycRunner.run(["returns", "add", examples[3], "--store", store])
        // The same answers, other bytes, the same assessment date: nothing says it is newer.
        let copy = try altered(examples[3], [:], into: folder, name: "again.xlsx")
        let result = try StrategycRunner.run(["returns", "add", copy, "--store", store])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("not newer  \(copy): riverside-2026-procurement.xlsx is recorded for Riverside District Council, Head of procurement, round 2026\n"))
        #expect(result.stderr.hasPrefix("\(copy): warning: '\(copy)' was not recorded: riverside-2026-procurement.xlsx (assessed 2026-03-16) is already recorded for Riverside District Council, Head of procurement, round 2026, and this return is not later (assessed 2026-03-16); remove that one first with `strategyc returns remove "))
        #expect(result.stderr.contains("[return-not-newer]"))
        #expect(try query(URL(fileURLWithPath: store), "select fileName from returns") == "riverside-2026-procurement.xlsx")
        // A later date replaces it, and the log says so.
        let later = try altered(examples[3], ["AboutAssessmentDate": "2026-04-01"], into: folder, name: "later.xlsx")
        let replaced = try StrategycRunner.run(["returns", "add", later, "--store", store])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.hasPrefix("replaced   \(later): Riverside District Council, Head of procurement, round 2026, replacing riverside-2026-procurement.xlsx (assessed 2026-03-16)\n"))
        #expect(try query(URL(fileURLWithPath: store), "select action, fileName from log order by id") == "added|riverside-2026-procurement.xlsx\nreplaced|riverside-2026-procurement.xlsx\nadded|later.xlsx")
    }

    @Test func aReturnThatDoesNotSayWhoOrWhereIsRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        let bad = try altered(examples[3], ["AboutRegion": "Nort West", "AboutRound": nil], into: folder, name: "bad.xlsx")
        let result = try StrategycRunner.run(["returns", "add", bad, examples[1], "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(bad):About!B10: error: '\(bad)' does not answer 'Round' on its About sheet: a return is compared with its peers only when it says who and when it is [return-about-missing]\n"))
        #expect(result.stderr.contains("\(bad):About!B6: error: '\(bad)' answers 'Region' with 'Nort West', which is not one of the list's choices (did you mean 'North West'?) [return-about-invalid]\n"))
        #expect(result.stdout.hasPrefix("refused    \(bad): see the diagnostics\nadded      \(examples[1]): "))
        #expect(try query(URL(fileURLWithPath: store), "select fileName from returns") == "riverside-2026-finance.xlsx")
    }

    @Test func aReturnOfAVariantThatIsNotThereIsRefused() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("benchmark.sqlite").path
        let result = try StrategycRunner.run(["returns", "add", examples[1], "--store", store, "--variants", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(examples[1]): error: '\(examples[1])' was made from variant 'riverside', which is not a variant in '\(folder.path)': give the folder that holds it with --variants [return-unknown-variant]\n"))
    }

    @Test func warningsAsErrorsKeepsAReturnWithAWarningOutOfTheStore() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Another version of the same edition: a warning (return-model-changed), the answers still read.
        let changed = folder.appendingPathComponent("changed.xlsx").path
        try PythonScript.copy(examples[1], to: changed, settingMetadata: "Content hash", to: String(repeating: "0", count: 64))
        let strict = folder.appendingPathComponent("strict.sqlite").path
        let refused = try StrategycRunner.run(["returns", "add", changed, "--store", strict, "--warnings-as-errors"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: the return was made from another version of edition 2022"))
        #expect(refused.stdout.hasPrefix("refused    \(changed): see the diagnostics\n"))
        #expect(try query(URL(fileURLWithPath: strict), "select count(*) from returns") == "0")
        let lenient = folder.appendingPathComponent("lenient.sqlite").path
        let recorded = try StrategycRunner.run(["returns", "add", changed, "--store", lenient])
        #expect(recorded.status == 0)
        #expect(recorded.stderr.contains("warning: the return was made from another version of edition 2022"))
        #expect(try query(URL(fileURLWithPath: lenient), "select count(*) from returns") == "1")
    }
}
