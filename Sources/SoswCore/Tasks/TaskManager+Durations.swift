/// sosw's `get_average_labourer_duration`, read only when asked for (sosw computed it on every run
/// and never used it).
extension TaskManager {
    /// The mean duration of the labourer's latest `max_closed_to_analyse_for_duration` closed tasks: for a
    /// completed task `completed_at − (greenfield − delta)` (its last run), for a dead one `max_duration` per
    /// attempt. Zero when nothing is closed yet. The latest tasks by `closed_at` (sosw 0.7.51 kept the oldest;
    /// docs/sosw-compatibility.md).
    public func averageDuration(of labourer: Labourer) async throws -> Duration {
        let limit = config.maxClosedToAnalyseForDuration
        guard limit > 0 else { return .zero }
        var closed: [(closedAt: Int64, task: DynamoItem)] = []
        for status in ["\(labourer.id)_1", "\(labourer.id)_0"] {
            let items = try await queryAll(QueryInput(
                tableName: config.closedTasksTable, indexName: config.closedTasksStatusIndex,
                keyConditionExpression: "#status = :status",
                expressionAttributeNames: ["#status": TaskRecord.Field.labourerTaskStatus],
                expressionAttributeValues: [":status": .s(status)], limit: limit, scanIndexForward: false), limit: limit)
            closed += items.map { item in
                (item[TaskRecord.Field.closedAt]?.numberValue.map(TaskRecord.wholeNumber) ?? 0, item)
            }
        }
        let latest = closed.sorted { $0.closedAt > $1.closedAt }.prefix(limit)
        var durations: [Int64] = []
        var maxDuration: Int64?
        let delta = greenfieldPolicy.invocationDelta.components.seconds
        for (_, item) in latest {
            let greenfield = item[TaskRecord.Field.greenfield]?.numberValue.map(TaskRecord.wholeNumber) ?? 0
            if let completedAt = item[TaskRecord.Field.completedAt]?.numberValue.map(TaskRecord.wholeNumber) {
                durations.append(completedAt - (greenfield - delta))
            } else {
                let attempts = Int(item[TaskRecord.Field.attempts]?.numberValue.map(TaskRecord.wholeNumber) ?? 0)
                if maxDuration == nil { maxDuration = try await self.maxDuration(of: labourer).components.seconds }
                durations += Array(repeating: maxDuration!, count: max(attempts, 0))
            }
        }
        guard !durations.isEmpty else { return .zero }
        let mean = Double(durations.reduce(0, +)) / Double(durations.count)
        return .seconds(Int64(mean.rounded(.toNearestOrEven)))
    }
}
