import GRDB

extension RunStoreRows {
    /// Per labourer, the work done more than once and Lambda's own retries, apart from sosw's `retries`.
    static func insertRepeatedWork(_ run: StoredRun, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO repeated_work (run_id, labourer_id, duplicate_executions, extra_executions, lambda_async_retries)
            VALUES (?, ?, ?, ?, ?)
            """)
        for labourer in run.summary.labourers {
            try statement.execute(arguments: [
                run.id, labourer.id, labourer.duplicateExecutions, labourer.extraExecutions, labourer.lambdaAsyncRetries,
            ])
        }
    }
}
