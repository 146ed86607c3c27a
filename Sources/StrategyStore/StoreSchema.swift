import Foundation
import GRDB

/// The store's tables, built by GRDB's migrator one named migration at a time. A migration, once
/// released, is never edited: a change to the schema is a new migration appended here, so a store made by
/// an older strategyc is brought up to date when it is next opened, and a store made by a newer one is
/// refused rather than misread.
enum StoreSchema {
    /// Marks the SQLite file as a strategyc store (`PRAGMA application_id`, "Strc"): a database strategyc
    /// did not make is never written to.
    static let applicationID: Int32 = 0x5374_7263

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: returns, answers and the log") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.create(table: "returns") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("contentHash", .text).notNull().unique()
                table.column("fileName", .text).notNull()
                table.column("council", .text).notNull()
                table.column("councilKey", .text).notNull()
                table.column("councilType", .text).notNull()
                table.column("region", .text).notNull()
                table.column("role", .text).notNull()
                table.column("department", .text).notNull()
                table.column("respondentKey", .text).notNull()
                table.column("round", .text).notNull()
                table.column("assessedOn", .text).notNull()
                table.column("basis", .text).notNull()
                    .check(sql: "basis IN ('self-assessed', 'validated')")
                table.column("edition", .text).notNull()
                table.column("modelEdition", .text).notNull()
                table.column("modelHash", .text).notNull()
                table.column("variant", .text)
                table.column("recordedAt", .text).notNull()
                // One return counts per council, respondent and round: a newer one replaces it.
                table.uniqueKey(["round", "councilKey", "respondentKey"])
            }
            try db.create(table: "answers") { table in
                table.column("returnId", .integer).notNull()
                    .references("returns", onDelete: .cascade)
                table.column("indicator", .text).notNull()
                table.column("keyArea", .text).notNull()
                table.column("current", .text)
                table.column("target", .text)
                table.column("local", .boolean).notNull()
                table.primaryKey(["returnId", "indicator"])
            }
            // What happened to the store, in order: every return added, replaced or removed.
            try db.create(table: "log") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .text).notNull()
                table.column("action", .text).notNull()
                    .check(sql: "action IN ('added', 'replaced', 'removed')")
                table.column("contentHash", .text).notNull()
                table.column("fileName", .text).notNull()
                table.column("council", .text).notNull()
                table.column("round", .text).notNull()
                table.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("v2: the disclosure key") { db in
            // The secret behind every council's record key (docs/benchmark.md, disclosure control): made
            // once, at random, kept only here and never published. Whoever holds the store can make the
            // benchmark again, byte for byte; nobody who reads the benchmark can undo its rounding.
            try db.create(table: "disclosureKey") { table in
                table.column("secret", .blob).notNull()
            }
            var generator = SystemRandomNumberGenerator()
            let secret = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            try db.execute(sql: "INSERT INTO disclosureKey (secret) VALUES (?)", arguments: [secret])
        }
        migrator.registerMigration("v3: the online diagnostic") { db in
            try CollectSchema.create(db)
        }
        return migrator
    }
}
