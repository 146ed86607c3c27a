import GRDB

/// The online diagnostic's tables (`strategyc collect`), in the same file as the returns they end in.
///
/// A round is opened for a strategy or a variant and a year; each organisation invited to it has an
/// invitation token, each person answering an answer set of their own (with a resume token) whose draft
/// answers are saved page by page, and every browser a session. Tokens and session ids are random and
/// kept only as SHA-256 hashes: a copy of the store gives nobody a way in. A submitted answer set becomes
/// a return in `returns`, in the same transaction that marks it submitted.
enum CollectSchema {
    static func create(_ db: Database) throws {
        try db.create(table: "rounds") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("round", .text).notNull()
            // The variant's id, or null for the national strategy.
            table.column("variant", .text)
            table.column("title", .text).notNull()
            // Where the strategy (and the variant) were read from when the round was opened.
            table.column("strategyFolder", .text).notNull()
            table.column("variantFolder", .text)
            table.column("variantsFolder", .text).notNull()
            table.column("modelHash", .text).notNull()
            table.column("baseURL", .text).notNull()
            table.column("openedAt", .text).notNull()
            table.column("closedAt", .text)
            // One round of a year per strategy or variant: the national round and a region's beside it.
            table.uniqueKey(["round", "variant"])
        }
        try db.execute(sql: "CREATE UNIQUE INDEX roundsNational ON rounds (round) WHERE variant IS NULL")
        try db.create(table: "organisations") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("roundId", .integer).notNull().references("rounds", onDelete: .cascade)
            table.column("name", .text).notNull()
            table.column("councilKey", .text).notNull()
            table.column("type", .text).notNull()
            table.column("region", .text).notNull()
            table.uniqueKey(["roundId", "councilKey"])
        }
        try db.create(table: "answerSets") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("organisationId", .integer).notNull().references("organisations", onDelete: .cascade)
            table.column("role", .text).notNull()
            table.column("department", .text).notNull()
            table.column("respondentKey", .text).notNull()
            table.column("validation", .text).notNull()
            table.column("createdAt", .text).notNull()
            table.column("updatedAt", .text).notNull()
            table.column("submittedAt", .text)
            // The content hash of the return the last submission recorded, and that return's workbook.
            table.column("submittedHash", .text)
            table.column("submittedWorkbook", .blob)
            // The store counts one return per council, respondent and round: so one answer set each.
            table.uniqueKey(["organisationId", "respondentKey"])
        }
        try db.create(table: "draftAnswers") { table in
            table.column("answerSetId", .integer).notNull().references("answerSets", onDelete: .cascade)
            table.column("indicator", .text).notNull()
            table.column("keyArea", .text).notNull()
            table.column("current", .text)
            table.column("target", .text)
            table.column("evidence", .text).notNull()
            table.column("actions", .text).notNull()
            table.column("owner", .text).notNull()
            table.column("reviewDate", .text).notNull()
            table.primaryKey(["answerSetId", "indicator"])
        }
        try db.create(table: "tokens") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("hash", .blob).notNull().unique()
            table.column("kind", .text).notNull().check(sql: "kind IN ('invitation', 'resume')")
            table.column("organisationId", .integer).notNull().references("organisations", onDelete: .cascade)
            table.column("answerSetId", .integer).references("answerSets", onDelete: .cascade)
            table.column("createdAt", .text).notNull()
            table.column("revokedAt", .text)
        }
        try db.create(table: "sessions") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("hash", .blob).notNull().unique()
            table.column("organisationId", .integer).notNull().references("organisations", onDelete: .cascade)
            table.column("answerSetId", .integer).references("answerSets", onDelete: .cascade)
            table.column("createdAt", .text).notNull()
            table.column("expiresAt", .text).notNull()
        }
        // What happened in a round, in order: opened, closed, an answer set started, saved or submitted.
        try db.create(table: "collectLog") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("at", .text).notNull()
            table.column("roundId", .integer).notNull()
            table.column("action", .text).notNull()
            table.column("organisation", .text).notNull()
            table.column("detail", .text).notNull()
        }
    }
}
