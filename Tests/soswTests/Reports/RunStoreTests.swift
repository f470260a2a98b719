import Foundation
import GRDB
import SoswCore
import SoswReports
import SoswSimulation
import Testing

@Suite("The run store: run.sqlite after every run, --store, --events none, unwritable outputs")
struct RunStoreTests {
    private static let scenario = """
        name: store-fixture
        seed: 11
        start: 2026-01-05T02:00:00Z
        stop: {when: drained, at_most: 2h}
        config:
          task_config:
            labourers:
              worker:
                arn: arn:aws:lambda:us-west-2:000000000000:function:worker
                max_simultaneous_invocations: 5
        lambda:
          functions:
            worker: {timeout: 5m, duration: {fixed: 90s}}
        load:
          - {at: 0s, tasks: {labourer: worker, count: 12}}
        expect:
          - {all_closed_by: 1h}
        """

    private func scenarioFile(_ directory: String) throws -> String {
        let path = "\(directory)/store-fixture.yaml"
        try Self.scenario.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a run writes run.sqlite whose rows equal summary.json, tasks.csv and series.csv")
    func runWritesItsStore() throws {
        let directory = try temporaryDirectory("store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try SoswBinary.besideTests.run(["simulate", try scenarioFile(directory), "--out", "\(directory)/out"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("run.sqlite"))
        let summary = try JSONValue(parsing: String(contentsOfFile: "\(directory)/out/summary.json", encoding: .utf8))
        let store = try RunStore(path: "\(directory)/out/run.sqlite")
        try store.read { (db: Database) throws in
            let run = try #require(try Row.fetchOne(db, sql: "SELECT * FROM runs"))
            #expect(run["scenario"] as String == "store-fixture")
            #expect(run["seed"] as Int64 == 11)
            #expect(run["events_sha256"] as String == summary["events_sha256"]?.stringValue)
            #expect(run["drained"] as Bool == true)
            #expect(run["drained_after_seconds"] as Double? == summary["drained_after_seconds"]?.doubleValue)
            #expect(run["overrides"] as String == "{}")
            let labourer = try #require(try Row.fetchOne(db, sql: "SELECT * FROM labourers WHERE labourer_id = 'worker'"))
            #expect(labourer["created"] as Int == 12)
            #expect(labourer["completed"] as Int == 12)
            #expect(labourer["cap"] as Int == 5)
            #expect(labourer["latency_p99"] as Double == summary["labourers"]?["worker"]?["latency_seconds"]?["p99"]?.doubleValue)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") == 12)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks WHERE outcome = 'completed' AND attempts = 1") == 12)
            let seriesLines = try String(contentsOfFile: "\(directory)/out/series.csv", encoding: .utf8)
                .split(separator: "\n").count - 1
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM series") == seriesLines)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM expectations WHERE passed = 1") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT sum(calls) FROM aws_calls") == summary["aws_calls"]?["total"]?.intValue.map(Int.init))
        }
        // A second run in the same folder replaces the folder's store: it holds that run only.
        let again = try SoswBinary.besideTests.run(["simulate", try scenarioFile(directory), "--out", "\(directory)/out", "--seed", "12"])
        #expect(again.status == 0)
        #expect(try RunStore(path: "\(directory)/out/run.sqlite").runIDs().count == 1)
    }

    @Test("--store appends runs of several seeds to one store; the same run stored twice is replaced")
    func sharedStore() throws {
        let directory = try temporaryDirectory("shared-store")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try scenarioFile(directory)
        let storePath = "\(directory)/all.sqlite"
        for seed in ["1", "2", "2"] {
            let output = try SoswBinary.besideTests.run(
                ["simulate", file, "--out", "\(directory)/seed\(seed)", "--seed", seed, "--store", storePath])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains("stored in \(storePath)"))
            #expect(!FileManager.default.fileExists(atPath: "\(directory)/seed\(seed)/run.sqlite"))
        }
        let store = try RunStore(path: storePath)
        let ids = try store.runIDs()
        #expect(ids.count == 2, "runs: \(ids)")
        #expect(ids.allSatisfy { $0.hasPrefix("store-fixture-seed") })
        try store.read { (db: Database) throws in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") == 24)
            #expect(try Int64.fetchAll(db, sql: "SELECT seed FROM runs ORDER BY seed") == [1, 2])
        }
    }

    @Test("--events none writes no events.jsonl, and the same summary and hash as a full run")
    func eventsNone() throws {
        let directory = try temporaryDirectory("events-none")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try scenarioFile(directory)
        let full = try SoswBinary.besideTests.run(["simulate", file, "--out", "\(directory)/full"])
        #expect(full.status == 0)
        // A log left by an earlier full run in the same folder is removed: it would not match the summary.
        try FileManager.default.copyItem(atPath: "\(directory)/full", toPath: "\(directory)/none")
        let none = try SoswBinary.besideTests.run(["simulate", file, "--out", "\(directory)/none", "--events", "none"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(!none.stdout.contains("events.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/none/events.jsonl"))
        let hash = { (folder: String) in
            try JSONValue(parsing: String(contentsOfFile: "\(directory)/\(folder)/summary.json", encoding: .utf8))["events_sha256"]
        }
        #expect(try hash("full") == hash("none"))
        let tasks = { (folder: String) in try String(contentsOfFile: "\(directory)/\(folder)/tasks.csv", encoding: .utf8) }
        #expect(try tasks("full") == tasks("none"))
    }

    @Test("an output folder or a store that cannot be written: one error line, exit 3, no store half-written")
    func unwritableOutputs() throws {
        let directory = try temporaryDirectory("unwritable")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try scenarioFile(directory)
        let blocker = "\(directory)/a-file"
        try "not a folder".write(toFile: blocker, atomically: true, encoding: .utf8)

        let out = try SoswBinary.besideTests.run(["simulate", file, "--out", "\(blocker)/out"])
        #expect(out.status == 3)
        #expect(out.stderr == "error: cannot write \(blocker)/out: Not a directory\n", "\(out.stderr)")
        #expect(out.stderr.split(separator: "\n").count == 1)

        let store = try SoswBinary.besideTests.run(["simulate", file, "--out", "\(directory)/out", "--store", "\(blocker)/s.sqlite"])
        #expect(store.status == 3)
        #expect(store.stderr.hasPrefix("error: cannot open the run store \(blocker)/s.sqlite"), "\(store.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/out/summary.json"), "nothing runs before the store opens")
    }

    @Test("the store records its numbered migrations and reopens unchanged")
    func migrationsAreNumberedAndKept() throws {
        let directory = try temporaryDirectory("migrations")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = "\(directory)/store.sqlite"
        _ = try RunStore(path: path)
        let applied = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied.first?.hasPrefix("001 ") == true)
        #expect(applied == applied.sorted(), "migrations are numbered in the order they apply")
        // Opening again applies nothing new and keeps the file usable.
        #expect(try RunStore(path: path).runIDs().isEmpty)
    }
}
