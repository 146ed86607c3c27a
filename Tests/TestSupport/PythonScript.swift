import Foundation

/// Python, for what the tests prepare or inspect with tools apart from strategyc: openpyxl to
/// edit a return as a spreadsheet would, sqlite3 to read a store without strategyc's GRDB.
public enum PythonScript {
    public struct Failure: Error, CustomStringConvertible {
        public var status: Int32
        public var description: String { "the Python script exited with status \(status)" }
    }

    /// Runs `script` with `arguments` (its `sys.argv[1...]`); its standard output, trimmed of newlines.
    @discardableResult
    public static func run(_ script: String, _ arguments: [String]) throws -> String {
        let (status, data) = try ExternalProgram.run(["python3", "-c", script] + arguments)
        guard status == 0 else { throw Failure(status: status) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// A copy of the committed return at `source` (relative to the package) with one value of its Metadata
    /// sheet (by the label in column A) changed, written to `target`.
    public static func copy(_ source: String, to target: String, settingMetadata label: String, to value: String) throws {
        try run("""
            import sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            for row in book["Metadata"].iter_rows():
                if row[0].value == sys.argv[3]:
                    row[1].value = sys.argv[4]
            book.save(sys.argv[2])
            """, [TestPaths.packageRoot.appendingPathComponent(source).path, target, label, value])
    }

    /// A copy of the return at `source` written to `target` with its About answers changed through
    /// openpyxl (by their defined names; nil clears a cell), or only re-zipped with a comment (the same
    /// content, other bytes) when `about` is empty.
    public static func copy(_ source: String, to target: String, settingAbout about: [String: String?]) throws {
        let edits = about.map { "\"\($0.key)\": " + ($0.value.map { "\"\($0)\"" } ?? "None") }.joined(separator: ", ")
        try run("""
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
            """, [TestPaths.packageRoot.appendingPathComponent(source).path, target])
    }

    /// Rows of a query on the SQLite file at `database`, through Python's own sqlite3 (not strategyc's
    /// GRDB): one line per row, values joined by `|`.
    public static func query(_ database: String, _ sql: String) throws -> String {
        try run("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\\n'.join('|'.join(str(v) for v in r) for r in c.execute(sys.argv[2])))",
                [database, sql])
    }
}
