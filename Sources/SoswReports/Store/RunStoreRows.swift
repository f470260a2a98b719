import GRDB
import SoswCore
import SoswSimulation

/// Writes one run's rows, table by table, inside the caller's transaction. Per-minute and per-task rows go
/// through one prepared statement each: a run of a million tasks is a million executions of one statement.
enum RunStoreRows {
    static func insert(_ run: StoredRun, into db: Database) throws {
        let summary = run.summary
        let record = summary.record
        try db.execute(
            sql: """
                INSERT INTO runs (run_id, scenario, seed, overrides, "commit", simulated_seconds, wall_seconds, drained,
                    drained_after_seconds, events_sha256, cost_usd, scheduling, scenario_sha256, events, toolchain,
                    configuration, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                run.id, record.scenario, Int64(bitPattern: record.seed), run.overrides.serialized(), record.commit,
                record.simulatedSeconds, record.wallSeconds, summary.drained, summary.drainedAfterSeconds,
                record.eventsSHA256, summary.cost?.totalUSD, record.scheduling, record.scenarioSHA256, record.events,
                record.toolchain, record.configuration, run.recordedAt,
            ])
        try insertLabourers(run, db)
        try insertSeries(run, db)
        try insertTasks(run, db)
        try insertExpectations(run, db)
        try insertFunctionsAndCalls(run, db)
        try insertMetrics(run, db)
        try insertRepeatedWork(run, db)
        try insertCosts(run, db)
    }

    private static func insertLabourers(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO labourers (run_id, labourer_id, created, completed, dead, invocations, retries, expired,
                peak_running, mean_running, cap, duplicate_executions, latency_p50, latency_p90, latency_p99)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for labourer in run.summary.labourers {
            try statement.execute(arguments: [
                run.id, labourer.id, labourer.created, labourer.completed, labourer.dead, labourer.invocations,
                labourer.retries, labourer.expired, labourer.peakRunning, labourer.meanRunning, labourer.cap,
                labourer.duplicateExecutions, labourer.latencyP50, labourer.latencyP90, labourer.latencyP99,
            ])
        }
    }

    private static func insertSeries(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO series (run_id, labourer_id, minute, queued, running, invoked, completed, expired, retried, dead, health)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for labourer in run.figures.labourers {
            for row in labourer.series {
                try statement.execute(arguments: [
                    run.id, labourer.id, row.minute, row.queued, row.running, row.invoked, row.completed, row.expired,
                    row.retried, row.dead, row.health,
                ])
            }
        }
    }

    private static func insertTasks(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO tasks (run_id, task_id, labourer_id, created, completed, archived, outcome, attempts, latency)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for task in run.figures.tasks {
            try statement.execute(arguments: [
                run.id, task.taskID, task.labourerID, task.created, task.completed, task.archived, task.outcome,
                task.invocations.count, task.latency,
            ])
        }
    }

    private static func insertExpectations(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO expectations (run_id, expectation, passed, measured, message) VALUES (?, ?, ?, ?, ?)
            """)
        for expectation in run.summary.expectations {
            try statement.execute(arguments: [
                run.id, expectation.name, expectation.passed, expectation.measured, expectation.message,
            ])
        }
    }

    private static func insertFunctionsAndCalls(_ run: StoredRun, _ db: Database) throws {
        let functions = try db.makeStatement(sql: """
            INSERT INTO functions (run_id, function, executions, peak_concurrency, throttles) VALUES (?, ?, ?, ?, ?)
            """)
        for function in run.summary.functions {
            try functions.execute(arguments: [
                run.id, function.name, function.executions, function.peakConcurrency, function.throttles,
            ])
        }
        let calls = try db.makeStatement(sql: """
            INSERT INTO aws_calls (run_id, operation, calls, errors, capacity_units) VALUES (?, ?, ?, ?, ?)
            """)
        for operation in run.summary.awsCalls {
            try calls.execute(arguments: [run.id, operation.name, operation.calls, operation.errors, operation.capacityUnits])
        }
    }
}
