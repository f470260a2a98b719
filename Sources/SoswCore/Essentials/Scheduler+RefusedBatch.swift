extension Scheduler {
    /// Creates the job's tasks at `positions` (ascending) from their `rows`. When DynamoDB keeps refusing
    /// part of a batch, throws ``SchedulerError/batchRefused(cursor:error:)`` with `cursor` moved past what
    /// was written: its `next` at the first task not written, its `written` the tasks after that which were.
    /// - Parameter cursor: where the job stood before these rows (`next` at or before `positions`).
    func createTasks(
        labourerID: String, _ rows: [[String: JSONValue]], at positions: [Int], resuming cursor: SchedulerCursor
    ) async throws -> [TaskRecord] {
        do {
            return try await taskManager.createTasks(labourerID: labourerID, arguments: rows)
        } catch let error as BatchWriteError {
            let refused = error.unwrittenPositions.map { positions[$0] }
            guard let firstRefused = refused.first else { throw error }
            let writtenNow = positions.filter { !refused.contains($0) }
            var resumed = cursor
            resumed.next = firstRefused
            resumed.written = (cursor.written + writtenNow).filter { $0 > firstRefused }.sorted()
            stats.increment("refused_batches")
            logger.error("scheduler: \(error); \(writtenNow.count) of the \(rows.count) tasks of this chunk are written")
            throw SchedulerError.batchRefused(cursor: resumed, error: error.description)
        }
    }
}
