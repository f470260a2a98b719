import SoswCore

extension RunSummary {
    /// `summary.json`: the keys scripts rely on (`scenario`, `seed`, `events_sha256`,
    /// `simulated_seconds`, `wall_seconds`, `events_per_second`, `drained`, `drained_after_seconds`,
    /// `labourers`, `aws_calls`) and the run record, throughput, health, functions and expectations.
    public var json: JSONValue {
        var document = record.json.objectValue ?? [:]
        document["simulated_seconds_per_wall_second"] = .double(record.speedup)
        document["description"] = .string(description)
        document["drained"] = .bool(drained)
        document["drained_after_seconds"] = drainedAfterSeconds.map(JSONValue.double) ?? .null
        var labourers: [String: JSONValue] = [:]
        for labourer in self.labourers {
            var health: [String: JSONValue] = [:]
            for (level, seconds) in labourer.secondsAtHealth {
                health[String(level)] = .double(seconds)
            }
            labourers[labourer.id] = .object([
                "created": .int(Int64(labourer.created)), "completed": .int(Int64(labourer.completed)),
                "dead": .int(Int64(labourer.dead)), "invocations": .int(Int64(labourer.invocations)),
                "expired": .int(Int64(labourer.expired)), "retries": .int(Int64(labourer.retries)),
                "peak_running": .int(Int64(labourer.peakRunning)), "mean_running": .double(labourer.meanRunning),
                "cap": .int(Int64(labourer.cap)),
                "cap_utilisation": .double(labourer.cap > 0 ? labourer.meanRunning / Double(labourer.cap) : 0),
                "duplicate_executions": .int(Int64(labourer.duplicateExecutions)),
                "extra_executions": .int(Int64(labourer.extraExecutions)),
                "lambda_async_retries": .int(Int64(labourer.lambdaAsyncRetries)),
                "latency_seconds": .object([
                    "p50": .double(labourer.latencyP50), "p90": .double(labourer.latencyP90),
                    "p99": .double(labourer.latencyP99),
                ]),
                "health_seconds": .object(health),
            ])
        }
        document["labourers"] = .object(labourers)
        var functions: [String: JSONValue] = [:]
        for function in self.functions {
            functions[function.name] = .object([
                "executions": .int(Int64(function.executions)), "peak_concurrency": .int(Int64(function.peakConcurrency)),
                "throttles": .int(Int64(function.throttles)),
                "lambda_async_retries": .int(Int64(function.lambdaAsyncRetries)),
            ])
        }
        document["functions"] = .object(functions)
        var byOperation: [String: JSONValue] = [:]
        var capacity: [String: JSONValue] = [:]
        for operation in awsCalls {
            byOperation[operation.name] = .int(Int64(operation.calls))
            if operation.capacityUnits > 0 { capacity[operation.name] = .double(operation.capacityUnits) }
        }
        document["aws_calls"] = .object([
            "total": .int(Int64(awsCalls.reduce(0) { $0 + $1.calls })), "by_operation": .object(byOperation),
            "capacity_units_by_operation": .object(capacity),
        ])
        if let cost { document["cost"] = Self.json(cost) }
        document["invariant_violation"] = invariantViolationJSON
        document["expectations"] = .array(expectations.map { expectation in
            .object([
                "name": .string(expectation.name), "measured": .string(expectation.measured),
                "passed": .bool(expectation.passed), "message": .string(expectation.message),
            ])
        })
        return .object(document)
    }
}
