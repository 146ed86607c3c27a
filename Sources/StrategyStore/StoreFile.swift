import Foundation
import GRDB

/// Opening the store's SQLite file, for the returns and the online diagnostic alike: made only where
/// nothing exists; an existing file opened only when it is a strategyc store (its application id), and
/// only when this strategyc knows every migration applied to it; then brought up to date.
enum StoreFile {
    /// The writer `make` returns (a queue for the command line, a pool for the server), configured and
    /// migrated.
    static func open<Writer: DatabaseWriter>(_ path: String, create: Bool,
                                             _ make: (String, Configuration) throws -> Writer) throws(StoreError) -> Writer {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isFolder)
        if exists, isFolder.boolValue { throw .notAStore(path, "it is a folder") }
        if let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType, type == .typeSymbolicLink {
            throw .notAStore(path, "it is a symbolic link")
        }
        if !exists && !create { throw .missing(path) }
        if exists { try checkOwnership(path) }
        // A new store holds councils' answers and the people who gave them: readable by its owner alone
        // (SQLite gives its -wal and -shm files the same mode). An empty file is a new database to SQLite.
        if !exists, !manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw .unreadable(path, "the file cannot be created")
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Another process (`returns add` beside `collect serve`) may hold the write lock for a moment.
            configuration.busyMode = .timeout(10)
            // Write-ahead logging: a commit appends to the log instead of rewriting pages, and
            // `synchronous = NORMAL` syncs at checkpoints, not at every commit. A transaction is still
            // whole or absent after a crash; only the last few could be lost to a power cut, and `add`
            // can be run again.
            configuration.prepareDatabase { db in
                if !db.configuration.readonly {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                    try db.execute(sql: "PRAGMA synchronous = NORMAL")
                }
            }
            let writer = try make(path, configuration)
            let migrator = StoreSchema.migrator
            let superseded = try writer.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerSchema(path) }
            try migrator.migrate(writer)
            return writer
        } catch let error as StoreError {
            throw error
        } catch {
            throw .unreadable(path, "\(error)")
        }
    }

    /// Refuses a file strategyc did not make, before anything is written to it.
    private static func checkOwnership(_ path: String) throws(StoreError) {
        let id: Int32
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let reader = try DatabaseQueue(path: path, configuration: configuration)
            id = try reader.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
            try reader.close()
        } catch {
            throw .notAStore(path, "it is not an SQLite database")
        }
        if id != StoreSchema.applicationID {
            throw .notAStore(path, "it is an SQLite database that strategyc did not make")
        }
    }
}
