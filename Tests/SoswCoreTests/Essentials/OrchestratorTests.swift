import SoswCore
import SoswSimulation
import Testing

/// A labourer with one `<=` health metric `{3: 50, 4: 25}` on `metric`, capped at 10.
func monitoredLabourer(arn: String, metric: String, onMissingData: String? = nil) -> JSONValue {
    var health: [String: JSONValue] = [
        "details": ["Namespace": "Test", "MetricName": .string(metric), "Statistics": ["Average"]],
        "feelings": ["1": 90, "2": 75, "3": 50, "4": 25], "feeling_comparison_operator": "__le__",
    ]
    if let onMissingData { health["on_missing_data"] = .string(onMissingData) }
    return ["arn": .string(arn), "max_simultaneous_invocations": 10, "health_metrics": ["m": .object(health)]]
}

@Suite struct OrchestratorTests {
    /// sosw's table for max 10: status 0→0, 1→0, 2→5, 3→7, 4→10.
    @Test(arguments: [(95.0, 0), (80.0, 0), (60.0, 5), (40.0, 7), (10.0, 10)])
    func desiredInvocationsFollowTheHealth(metricValue: Double, expected: Int) throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor, taskConfig: [
                "labourers": ["worker_a": monitoredLabourer(arn: "fn_a", metric: "load")],
            ])
            harness.cloudWatch.set("load", average: metricValue)
            _ = try await harness.taskManager.createTasks(labourerID: "worker_a", arguments: Array(repeating: [:], count: 20))
            let report = try await harness.orchestrator().run()
            #expect(report.invoked == expected)
            #expect(harness.lambda.invocations.count == expected)
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_a") == 20 - expected)
            // A second run in the same minute subtracts the running tasks.
            try await harness.advance(.seconds(60))
            harness.cloudWatch.set("load", average: 10)
            let second = try await harness.orchestrator().run()
            #expect(second.invoked == 10 - expected)
        }
    }

    @Test func theWorkerEventIsSoswsAndInvokedAsynchronously() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(
                labourerID: "worker_a", arguments: ["payload": ["words": ["a", "b"]], "isolate_words": true])
            _ = try await harness.orchestrator().run()
            let invocation = try #require(harness.lambda.invocations.first)
            #expect(invocation.functionName == "arn:aws:lambda:us-west-2:000000000000:function:worker_a")
            #expect(invocation.invocationType == .event)
            #expect(invocation.payload == [
                "words": ["a", "b"], "isolate_words": true, "task_id": .string(task.taskID), "labourer_id": "worker_a",
                "created_at": .int(simulationStart.wholeSeconds), "greenfield": 2000, "attempts": 0,
            ])
            // `created_at` is sent as a float, as Python's worker receives it (the test double's parser reads
            // `1767578400.0` back as an integer).
            #expect(invocation.text.contains(#""created_at":1767578400.0"#))
        }
    }

    @Test func labourersSharingAMetricShareOneCloudWatchCall() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor, taskConfig: [
                "labourers": [
                    "worker_a": monitoredLabourer(arn: "fn_a", metric: "shared"),
                    "worker_b": monitoredLabourer(arn: "fn_b", metric: "shared"),
                ],
            ])
            harness.cloudWatch.set("shared", average: 10)
            _ = try await harness.orchestrator().run()
            #expect(harness.cloudWatch.requests.count == 1)
            let request = try #require(harness.cloudWatch.requests.first)
            #expect(request.endTime == simulationStart)
            #expect(request.startTime == simulationStart - .seconds(300))
            #expect(request.period == 60)
            #expect(request.statistics == [.average])
            _ = try await harness.orchestrator().run()
            #expect(harness.cloudWatch.requests.count == 2, "the cache lasts one run")
        }
    }

    @Test func missingDataFollowsEachLabourersOwnPolicy() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor, taskConfig: [
                "labourers": [
                    "cautious": monitoredLabourer(arn: "fn_c", metric: "silent_c"),
                    "relaxed": monitoredLabourer(arn: "fn_r", metric: "silent_r", onMissingData: "ignore"),
                    "healthy": monitoredLabourer(arn: "fn_h", metric: "fine"),
                    "remembering": monitoredLabourer(arn: "fn_m", metric: "flaky", onMissingData: "last_known"),
                ],
            ])
            harness.cloudWatch.set("fine", average: 10)
            harness.cloudWatch.set("flaky", average: 40)
            for id in ["cautious", "relaxed", "healthy", "remembering"] {
                _ = try await harness.taskManager.createTasks(labourerID: id, arguments: Array(repeating: [:], count: 20))
            }
            let first = try await harness.orchestrator().run()
            #expect(first.failures.isEmpty)
            let invoked = Dictionary(uniqueKeysWithValues: first.labourers.map { ($0.labourerID, $0.outcomes.count) })
            #expect(invoked == ["cautious": 0, "relaxed": 10, "healthy": 10, "remembering": 7])
            #expect(first.labourers.first { $0.labourerID == "cautious" }?.status == .bad)
            // The flaky metric goes silent: its last value (status good) still counts.
            harness.cloudWatch.set("flaky", average: nil)
            try await harness.advance(.seconds(2000))
            let second = try await harness.orchestrator().run()
            #expect(second.labourers.first { $0.labourerID == "remembering" }?.status == .good)
            #expect(harness.logs.all.contains { $0.contains("silent_c") == false && $0.contains("no datapoints") })
        }
    }

    @Test func oneLabourersFailureDoesNotStopTheOthers() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor, taskConfig: [
                "labourers": [
                    "broken": monitoredLabourer(arn: "fn_x", metric: "erroring"),
                    "fine": ["arn": "fn_f", "max_simultaneous_invocations": 2],
                ],
            ])
            harness.cloudWatch.fail("erroring")
            _ = try await harness.taskManager.createTasks(labourerID: "broken", arguments: [[:]])
            _ = try await harness.taskManager.createTasks(labourerID: "fine", arguments: [[:], [:], [:]])
            let orchestrator = try harness.orchestrator()
            let report = await orchestrator.run()
            #expect(report.failures.map(\.labourerID) == ["broken"])
            #expect(report.invoked == 2)
            #expect(orchestrator.stats["labourer_failures"] == 1)
            #expect(harness.logs.all.contains { $0.contains("labourer broken failed") })
        }
    }

    @Test func coefficientsCanBeOverriddenFromJSON() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            _ = try await harness.taskManager.createTasks(labourerID: "worker_a", arguments: Array(repeating: [:], count: 10))
            let report = try await harness.orchestrator(coefficients: ["4": 0.3]).run()
            #expect(report.labourers.first { $0.labourerID == "worker_a" }?.outcomes.count == 3)
        }
    }
}
