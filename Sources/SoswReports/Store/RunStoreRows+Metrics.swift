import GRDB

extension RunStoreRows {
    /// The run's simulated metrics, one `metrics` row per metric, statistic read and minute.
    static func insertMetrics(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO metrics (run_id, metric, statistic, minute, value) VALUES (?, ?, ?, ?, ?)
            """)
        for metric in run.figures.metrics {
            for statistic in metric.statistics {
                for row in metric.series {
                    try statement.execute(arguments: [run.id, metric.label, statistic.rawValue, row.minute, row.value(statistic)])
                }
            }
        }
    }
}
