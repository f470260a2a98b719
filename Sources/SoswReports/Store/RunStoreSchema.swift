import GRDB

/// The run store's schema as numbered migrations. A store made by an older build is brought up to date when it
/// is opened; a migration, once released, never changes (add a new one). Times and durations are seconds from
/// the run's start; counts are integers; booleans are 0 or 1.
enum RunStoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001 runs, labourers, series, tasks, costs, expectations") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    run_id TEXT PRIMARY KEY,
                    scenario TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    overrides TEXT NOT NULL,          -- JSON object of the --set paths and values
                    "commit" TEXT NOT NULL,
                    simulated_seconds REAL NOT NULL,
                    wall_seconds REAL NOT NULL,
                    drained INTEGER NOT NULL,
                    drained_after_seconds REAL,       -- NULL when the run did not drain
                    events_sha256 TEXT NOT NULL,
                    cost_usd REAL,
                    scheduling TEXT NOT NULL,
                    scenario_sha256 TEXT NOT NULL,
                    events INTEGER NOT NULL,
                    toolchain TEXT NOT NULL,
                    configuration TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE TABLE labourers (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    labourer_id TEXT NOT NULL,
                    created INTEGER NOT NULL, completed INTEGER NOT NULL, dead INTEGER NOT NULL,
                    invocations INTEGER NOT NULL, retries INTEGER NOT NULL, expired INTEGER NOT NULL,
                    peak_running INTEGER NOT NULL, mean_running REAL NOT NULL, cap INTEGER NOT NULL,
                    duplicate_executions INTEGER NOT NULL,
                    latency_p50 REAL NOT NULL, latency_p90 REAL NOT NULL, latency_p99 REAL NOT NULL,
                    PRIMARY KEY (run_id, labourer_id)
                );
                CREATE TABLE series (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    labourer_id TEXT NOT NULL,
                    minute INTEGER NOT NULL,
                    queued INTEGER NOT NULL, running INTEGER NOT NULL, invoked INTEGER NOT NULL,
                    completed INTEGER NOT NULL, expired INTEGER NOT NULL, retried INTEGER NOT NULL,
                    dead INTEGER NOT NULL,
                    health INTEGER,                   -- NULL before the Orchestrator's first reading
                    PRIMARY KEY (run_id, labourer_id, minute)
                );
                CREATE TABLE tasks (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    task_id TEXT NOT NULL,
                    labourer_id TEXT NOT NULL,
                    created REAL NOT NULL,
                    completed REAL,
                    archived REAL,
                    outcome TEXT,                     -- completed or dead, once archived
                    attempts INTEGER NOT NULL,        -- invocations of the task
                    latency REAL,                     -- created to archived
                    PRIMARY KEY (run_id, task_id)
                );
                CREATE TABLE costs (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    service TEXT NOT NULL,
                    item TEXT NOT NULL,
                    quantity REAL NOT NULL,
                    unit TEXT NOT NULL,
                    usd REAL NOT NULL
                );
                CREATE TABLE expectations (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    expectation TEXT NOT NULL,
                    passed INTEGER NOT NULL,
                    measured TEXT NOT NULL,
                    message TEXT NOT NULL
                );
                CREATE TABLE functions (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    function TEXT NOT NULL,
                    executions INTEGER NOT NULL, peak_concurrency INTEGER NOT NULL, throttles INTEGER NOT NULL,
                    PRIMARY KEY (run_id, function)
                );
                CREATE TABLE aws_calls (
                    run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                    operation TEXT NOT NULL,          -- e.g. dynamodb.Query, lambda.Invoke
                    calls INTEGER NOT NULL, errors INTEGER NOT NULL, capacity_units REAL NOT NULL,
                    PRIMARY KEY (run_id, operation)
                );
                CREATE INDEX costs_by_run ON costs(run_id);
                CREATE INDEX expectations_by_run ON expectations(run_id);
                """)
        }
        migrator.registerMigration("002 metrics", migrate: metrics)
        migrator.registerMigration("003 repeated work", migrate: repeatedWork)
        return migrator
    }

    /// Per simulated metric, statistic and minute, the value CloudWatch reports for a 60-second period; the
    /// statistic is the one the labourers' health reads (Average for a metric nobody reads).
    private static func metrics(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE metrics (
                run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                metric TEXT NOT NULL,             -- namespace name {dimension=value,…}
                statistic TEXT NOT NULL,          -- Average, Maximum, Minimum, Sum or SampleCount
                minute INTEGER NOT NULL,
                value REAL NOT NULL,
                PRIMARY KEY (run_id, metric, statistic, minute)
            );
            """)
    }

    /// Per labourer, tasks whose work ran more than once, the runs beyond the first, and Lambda's own retries of
    /// failed async events (sosw's retries are `labourers.retries`).
    private static func repeatedWork(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE repeated_work (
                run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
                labourer_id TEXT NOT NULL,
                duplicate_executions INTEGER NOT NULL,  -- tasks whose work ran more than once
                extra_executions INTEGER NOT NULL,      -- their runs beyond the first
                lambda_async_retries INTEGER NOT NULL,  -- Lambda's retries of the labourer's failed events
                PRIMARY KEY (run_id, labourer_id)
            );
            """)
    }
}
