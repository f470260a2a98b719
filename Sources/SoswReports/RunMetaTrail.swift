import SoswCore

/// The audit trail a run left in its meta table (`sosw_tasks_meta`): `meta.csv`, every row, and a section of
/// `summary.md` telling one task's whole history, to see at a glance what the trail records.
public struct RunMetaTrail: Sendable {
    /// One row as `meta.csv` has it.
    public struct Row: Sendable, Equatable {
        public var taskID: String
        /// `created_at` as stored: Unix seconds with a fraction.
        public var createdAt: DynamoNumber
        public var action: String
        /// `labourer_id`, or `labourer` on the Scheduler's `created` rows, which sosw names so.
        public var labourerID: String
        public var author: String
    }

    /// Every row, by task id then time.
    public let rows: [Row]

    /// The rows of the table's items; `hashKey` names the task id attribute (`meta_handler_config`).
    public init(items: [DynamoItem], hashKey: String = MetaHandlerConfig().hashKey) {
        rows = items.compactMap { item -> Row? in
            guard let taskID = item[hashKey]?.stringValue, let createdAt = item[MetaHandlerConfig.rangeKey]?.numberValue else {
                return nil
            }
            return Row(
                taskID: taskID, createdAt: createdAt, action: item["action"]?.stringValue ?? "",
                labourerID: item["labourer_id"]?.stringValue ?? item["labourer"]?.stringValue ?? "",
                author: item["author"]?.stringValue ?? "")
        }.sorted { ($0.taskID, $0.createdAt) < ($1.taskID, $1.createdAt) }
    }

    /// `meta.csv`: task_id, created_at, action, labourer_id, author.
    public var csv: CSVTable {
        CSVTable(
            header: ["task_id", "created_at", "action", "labourer_id", "author"],
            rows: rows.map { [$0.taskID, $0.createdAt.text, $0.action, $0.labourerID, $0.author] })
    }

    /// The task whose history tells the most: the most distinct actions, then the most rows, then the
    /// smallest id; nil for an empty trail.
    public var telling: (taskID: String, rows: [Row])? {
        let byTask = Dictionary(grouping: rows, by: \.taskID)
        let ranked = byTask.keys.sorted().max { lhs, rhs in
            let left = byTask[lhs]!
            let right = byTask[rhs]!
            let leftRank = (Set(left.map(\.action)).count, left.count)
            let rightRank = (Set(right.map(\.action)).count, right.count)
            // `max` keeps the last of equals; ranking the larger id lower keeps the smallest.
            return leftRank < rightRank || (leftRank == rightRank && lhs > rhs)
        }
        return ranked.map { ($0, byTask[$0]!) }
    }

    /// `## Audit trail`: how many rows by action, and the telling task's rows in order, with the time of
    /// each from the run's `start`.
    public func markdown(start: UnixTime) -> String {
        var text = "## Audit trail\n\n"
        guard let telling else { return text + "The meta table holds no rows.\n\n" }
        let counts = Dictionary(grouping: rows, by: \.action).mapValues(\.count)
        text += "\(rows.count) rows in the meta table (`meta.csv`): "
        text += counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ") + ".\n\n"
        text += "The history of task `\(telling.taskID)`:\n\n"
        text += "| time | action | labourer | author |\n|---:|---|---|---|\n"
        for row in telling.rows {
            let seconds = row.createdAt.doubleValue - start.seconds
            text += "| \(RunSummary.duration(seconds)) | \(row.action) | \(row.labourerID) | \(row.author) |\n"
        }
        return text + "\n"
    }
}
