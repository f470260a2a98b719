import GRDB
import SoswCore

extension RunStore {
    /// A stored run as a document of `summary.json`'s shape (run record, `labourers`, `functions`, `aws_calls`,
    /// `cost`, `expectations`, and the `overrides` it ran with), so `sosw compare` treats a run from the store
    /// and a run's folder alike; nil when no run has the id.
    public func summaryDocument(runID: String) throws(RunStoreError) -> JSONValue? {
        try read { db -> JSONValue? in
            guard let run = try Row.fetchOne(db, sql: "SELECT * FROM runs WHERE run_id = ?", arguments: [runID]) else {
                return nil
            }
            var document: [String: JSONValue] = ["run_id": .string(runID)]
            for column in ["scenario", "commit", "events_sha256", "scheduling", "scenario_sha256", "toolchain", "configuration", "recorded_at"] {
                document[column] = (run[column] as String?).map(JSONValue.string) ?? .null
            }
            for column in ["seed", "events"] {
                document[column] = (run[column] as Int64?).map(JSONValue.int) ?? .null
            }
            for column in ["simulated_seconds", "wall_seconds", "drained_after_seconds"] {
                document[column] = (run[column] as Double?).map(JSONValue.double) ?? .null
            }
            document["drained"] = .bool((run["drained"] as Int64?) == 1)
            document["overrides"] = (run["overrides"] as String?).flatMap { try? JSONValue(parsing: $0) } ?? .object([:])

            var labourers: [String: JSONValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM labourers WHERE run_id = ?", arguments: [runID]) {
                var labourer: [String: JSONValue] = [:]
                for column in ["created", "completed", "dead", "invocations", "retries", "expired", "peak_running", "cap", "duplicate_executions"] {
                    labourer[column] = .int(row[column] as Int64? ?? 0)
                }
                labourer["mean_running"] = .double(row["mean_running"] as Double? ?? 0)
                labourer["latency_seconds"] = .object([
                    "p50": .double(row["latency_p50"] as Double? ?? 0), "p90": .double(row["latency_p90"] as Double? ?? 0),
                    "p99": .double(row["latency_p99"] as Double? ?? 0),
                ])
                labourers[row["labourer_id"] as String? ?? ""] = .object(labourer)
            }
            document["labourers"] = .object(labourers)

            var functions: [String: JSONValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM functions WHERE run_id = ?", arguments: [runID]) {
                functions[row["function"] as String? ?? ""] = .object([
                    "executions": .int(row["executions"] as Int64? ?? 0),
                    "peak_concurrency": .int(row["peak_concurrency"] as Int64? ?? 0),
                    "throttles": .int(row["throttles"] as Int64? ?? 0),
                ])
            }
            document["functions"] = .object(functions)

            var byOperation: [String: JSONValue] = [:]
            var capacity: [String: JSONValue] = [:]
            var total: Int64 = 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM aws_calls WHERE run_id = ?", arguments: [runID]) {
                let operation = row["operation"] as String? ?? ""
                let calls = row["calls"] as Int64? ?? 0
                byOperation[operation] = .int(calls)
                total += calls
                if let units = row["capacity_units"] as Double?, units > 0 { capacity[operation] = .double(units) }
            }
            document["aws_calls"] = .object([
                "total": .int(total), "by_operation": .object(byOperation), "capacity_units_by_operation": .object(capacity),
            ])

            var byService: [String: Double] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT service, usd FROM costs WHERE run_id = ?", arguments: [runID]) {
                byService[row["service"] as String? ?? "", default: 0] += row["usd"] as Double? ?? 0
            }
            if let total = run["cost_usd"] as Double? {
                document["cost"] = .object([
                    "total_usd": .double(total), "by_service": .object(byService.mapValues(JSONValue.double)),
                ])
            }

            document["expectations"] = .array(
                try Row.fetchAll(db, sql: "SELECT * FROM expectations WHERE run_id = ? ORDER BY rowid", arguments: [runID]).map { row in
                    .object([
                        "name": .string(row["expectation"] as String? ?? ""), "measured": .string(row["measured"] as String? ?? ""),
                        "passed": .bool((row["passed"] as Int64?) == 1), "message": .string(row["message"] as String? ?? ""),
                    ])
                })
            return .object(document)
        }
    }
}
