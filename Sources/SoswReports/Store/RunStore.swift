import Foundation
import GRDB
import SoswCore
import SoswSimulation

/// The run store: simulated runs in one SQLite file (`run.sqlite` in a run's folder, or a shared file given
/// with `--store`), so that runs, sweeps and seeds can be compared with SQL. Its tables and columns are a
/// contract for the scripts that query it; the schema only grows, through numbered migrations
/// (``RunStoreSchema``).
///
/// Each run is written in one transaction: a failed write leaves the store as it was. Storing a run whose id
/// is already there replaces it (the same scenario, seed, overrides, commit and events are the same run).
/// One store may be shared by the threads of a sweep: writes are serialised.
public final class RunStore: Sendable {
    public let path: String
    private let database: DatabaseQueue

    /// Opens the store at `path`, creating it and bringing its schema up to date.
    public init(path: String) throws(RunStoreError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process appending to the same store waits its turn instead of failing.
        configuration.busyMode = .timeout(30)
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try RunStoreSchema.migrator.migrate(database)
        } catch {
            throw RunStoreError(path: path, action: "open", underlying: error)
        }
    }

    /// Creates a fresh store at `path`, replacing any file there: a run's own `run.sqlite` holds that run only.
    public static func replacing(path: String) throws(RunStoreError) -> RunStore {
        for suffix in ["", "-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            do {
                try FileManager.default.removeItem(atPath: path + suffix)
            } catch {
                throw RunStoreError(path: path, action: "replace", underlying: error)
            }
        }
        return try RunStore(path: path)
    }

    /// Writes `run` with its labourers, series, tasks, expectations and calls, replacing a run with its id.
    public func append(_ run: StoredRun) throws(RunStoreError) {
        do {
            try database.write { db in
                try db.execute(sql: "DELETE FROM runs WHERE run_id = ?", arguments: [run.id])
                try RunStoreRows.insert(run, into: db)
            }
        } catch {
            throw RunStoreError(path: path, action: "write run \(run.id) to", underlying: error)
        }
    }

    /// The ids of the stored runs, in the order they were stored.
    public func runIDs() throws(RunStoreError) -> [String] {
        do {
            return try database.read { db in try String.fetchAll(db, sql: "SELECT run_id FROM runs ORDER BY rowid") }
        } catch {
            throw RunStoreError(path: path, action: "read", underlying: error)
        }
    }

    /// Runs a read-only query: for tests and for commands that read runs back (compare).
    public func read<T>(_ body: (Database) throws -> T) throws(RunStoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw RunStoreError(path: path, action: "read", underlying: error)
        }
    }
}
