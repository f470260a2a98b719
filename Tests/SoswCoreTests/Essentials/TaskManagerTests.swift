import SoswCore
import SoswSimulation
import Testing

@Suite struct TaskManagerTests {
    @Test func createdTasksQueueBehindTheNewestInOneQueryPerBatch() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let first = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: ["payload": ["n": 0]])
            #expect(first.greenfield == Greenfield(2000))
            #expect(harness.calls["DynamoDB.Query"].calls == 1)
            #expect(harness.calls["DynamoDB.PutItem"].calls == 1)
            let batch = try await harness.taskManager.createTasks(
                labourerID: "worker_a", arguments: (1...30).map { ["n": .int(Int64($0))] })
            #expect(batch.map(\.greenfield.rawValue) == (1...30).map { 2000 + 1000 * Int64($0) })
            #expect(harness.calls["DynamoDB.Query"].calls == 2)
            #expect(harness.calls["DynamoDB.BatchWriteItem"].calls == 2)
            let stored = try #require(try await harness.item(first.taskID, in: "sosw_tasks"))
            #expect(stored["attempts"] == 0)
            #expect(stored["payload"] == #"{"n": 0}"#)
            #expect(stored["created_at"] == .n(TaskRecord.createdAt(simulationStart)))
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_a") == 31)
            #expect(try await harness.taskManager.newestQueuedGreenfield(labourerID: "worker_a") == Greenfield(32000))
            #expect(try await harness.taskManager.oldestQueuedGreenfield(labourerID: "worker_a") == Greenfield(2000))
            #expect(try await harness.taskManager.oldestQueuedGreenfield(labourerID: "worker_b") == Greenfield(1000))
        }
    }

    @Test func markInvokedIsSoswsConditionalUpdate() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            try await harness.advance(.seconds(10))
            let labourer = try harness.registered("worker_a")
            #expect(try await harness.taskManager.markInvoked(task, for: labourer))
            let stored = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(stored["greenfield"]?.number == simulationStart.wholeSeconds + 10 + 31_557_600)
            #expect(stored["attempts"] == 1)
            // A second Orchestrator with the same start finds the condition `greenfield < start` false.
            #expect(try await harness.taskManager.markInvoked(task, for: labourer) == false)
            #expect(try await harness.taskManager.invoke(task, for: labourer) == .skippedConcurrent)
            #expect(harness.lambda.invocations.isEmpty)
        }
    }

    @Test func aTaskHandedToAnotherLabourerIsRefusedWithAnErrorNotACrash() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            let other = try harness.registered("worker_b")
            await #expect(throws: TaskManagerError.labourerMismatch(taskID: task.taskID, taskLabourer: "worker_a", labourer: "worker_b")) {
                try await harness.taskManager.markInvoked(task, for: other)
            }
            await #expect(throws: TaskManagerError.self) { try await harness.taskManager.retry([task], for: other) }
            let stored = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(stored["attempts"] == 0, "nothing was written")
        }
    }

    @Test func aTaskExactlyOnTheExpiryBoundaryIsBothRunningAndExpired() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let labourer = try harness.registered("worker_a")
            let expired = labourer.markers.expired.rawValue
            for (id, greenfield) in [("before", expired - 1), ("exactly", expired), ("after", expired + 1)] {
                try await harness.put([
                    "task_id": .s(id), "labourer_id": "worker_a", "created_at": 1, "attempts": 1,
                    "greenfield": .n(DynamoNumber(greenfield)), "payload": "{}",
                ])
            }
            let running = try await harness.taskManager.runningTasks(for: labourer).map(\.taskID)
            let expiredTasks = try await harness.taskManager.expiredTasks(for: labourer).map(\.taskID)
            #expect(running == ["exactly", "after"])
            #expect(expiredTasks == ["before", "exactly"])
            #expect(try await harness.taskManager.countRunningTasks(for: labourer) == 2)
            // Invoked exactly at this run's start: invoked in this run, and running.
            try await harness.put([
                "task_id": "now", "labourer_id": "worker_a", "created_at": 1, "attempts": 1,
                "greenfield": .n(DynamoNumber(labourer.markers.invoked.rawValue)), "payload": "{}",
            ])
            #expect(try await harness.taskManager.invokedTasks(for: labourer).map(\.taskID) == ["now"])
            #expect(try await harness.taskManager.countRunningTasks(for: labourer) == 3)
            // Queued tasks are neither.
            #expect(try await harness.taskManager.nextTasks(for: labourer, count: 5).isEmpty)
        }
    }

    @Test func countsReadEveryPage() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let filler = String(repeating: "x", count: 1500)
            _ = try await harness.taskManager.createTasks(
                labourerID: "worker_a", arguments: (0..<800).map { ["filler": .string(filler), "n": .int(Int64($0))] })
            let before = harness.calls["DynamoDB.Query"].calls
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_a") == 800)
            #expect(harness.calls["DynamoDB.Query"].calls - before > 1, "800 items of 1.5 KB span more than one 1 MB page")
            let labourer = try harness.registered("worker_a")
            #expect(try await harness.taskManager.nextTasks(for: labourer, count: 750).count == 750)
        }
    }

    @Test func archiveIsOneTransactionAndKeepsThePayloadJSON() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: ["payload": ["a": 1]])
            var stale = task
            stale.completedAt = simulationStart.wholeSeconds
            // Archiving as completed needs `completed_at` in the table, not only in the record read.
            #expect(try await harness.taskManager.archive(stale) == false)
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(task.taskID)])
            let completed = try #require(try await harness.taskManager.task(id: task.taskID))
            let callsBefore = harness.calls.totalCalls
            #expect(try await harness.taskManager.archive(completed))
            #expect(harness.calls.totalCalls - callsBefore == 1)
            #expect(harness.calls["DynamoDB.TransactWriteItems"].calls == 2)
            #expect(try await harness.item(task.taskID, in: "sosw_tasks") == nil)
            let closed = try #require(try await harness.item(task.taskID, in: "sosw_closed_tasks"))
            #expect(closed["labourer_id_task_status"] == "worker_a_1")
            #expect(closed["closed_at"]?.number == simulationStart.wholeSeconds)
            #expect(closed["payload"] == #"{"a": 1}"#)
            #expect(closed["dead_reason"] == nil)
        }
    }

    @Test func aMoveLosesCleanlyToAConcurrentChange() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: [:])
            // The task completes after the Scavenger read it as expired: neither retried nor killed.
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(task.taskID)])
            #expect(try await harness.taskManager.moveToRetry(task, delay: .seconds(60)) == false)
            #expect(try await harness.taskManager.archive(task, deadReason: "expired") == false)
            #expect(try await harness.item(task.taskID, in: "sosw_tasks") != nil)
            #expect(try await harness.items(in: "sosw_retry_tasks").isEmpty)
            #expect(try await harness.items(in: "sosw_closed_tasks").isEmpty)
        }
    }

    @Test func retryRoundTripKeepsEveryAttributeAndGoesToTheHeadOfTheQueue() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let task = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: ["payload": ["a": 1]])
            let labourer = try harness.registered("worker_a")
            #expect(try await harness.taskManager.invoke(task, for: labourer) == .invoked)
            _ = try await harness.workerAssistant().handle(event: [
                "action": "mark_task_as_failed", "task_id": .string(task.taskID), "stats": ["rows": 3],
            ])
            let invoked = try #require(try await harness.taskManager.task(id: task.taskID))
            #expect(try await harness.taskManager.moveToRetry(invoked, delay: .seconds(90)))
            let waiting = try #require(try await harness.retryItem("worker_a", task.taskID))
            #expect(waiting["desired_launch_time"]?.number == simulationStart.wholeSeconds + 90)
            #expect(waiting["stat_rows"] == 3)
            #expect(waiting["failed_attempts"] == 1)
            // Not due yet.
            #expect(try await harness.taskManager.tasksDueForRetry(for: harness.registered("worker_a"), limit: 20).isEmpty)
            try await harness.advance(.seconds(90))
            let later = try harness.registered("worker_a")
            let due = try await harness.taskManager.tasksDueForRetry(for: later, limit: 20)
            #expect(due.map(\.taskID) == [task.taskID])
            #expect(try await harness.taskManager.retry(due, for: later) == 1)
            let back = try #require(try await harness.item(task.taskID, in: "sosw_tasks"))
            #expect(back["greenfield"] == 999, "the first retry into an empty queue gets one step minus one")
            #expect(back["attempts"] == 1)
            #expect(back["stat_rows"] == 3)
            #expect(back["failed_attempts"] == 1)
            #expect(back["desired_launch_time"] == nil)
            #expect(try await harness.retryItem("worker_a", task.taskID) == nil)
        }
    }

    @Test func redriveBringsDeadTasksBackWithAttemptsReset() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let early = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: ["payload": ["n": 1]])
            var dead = early
            dead.attempts = 3
            #expect(try await harness.taskManager.archive(dead, deadReason: "expired after 3 of 3 attempts"))
            try await harness.advance(.seconds(3600))
            let late = try await harness.taskManager.createTask(labourerID: "worker_a", arguments: ["payload": ["n": 2]])
            var lateDead = late
            lateDead.attempts = 3
            #expect(try await harness.taskManager.archive(lateDead, deadReason: "expired after 3 of 3 attempts"))
            let closed = try #require(try await harness.item(early.taskID, in: "sosw_closed_tasks"))
            #expect(closed["dead_reason"] == "expired after 3 of 3 attempts")
            #expect(closed["labourer_id_task_status"] == "worker_a_0")

            // Only the task that died in the last half hour.
            let window = (harness.now - .seconds(1800))...harness.now
            #expect(try await harness.taskManager.redriveDeadTasks(labourerID: "worker_a", closedWithin: window) == 1)
            let back = try #require(try await harness.item(late.taskID, in: "sosw_tasks"))
            #expect(back["attempts"] == 0)
            #expect(back["closed_at"] == nil)
            #expect(back["dead_reason"] == nil)
            #expect(back["labourer_id_task_status"] == nil)
            #expect(back["payload"] == #"{"n": 2}"#)
            #expect(try await harness.item(late.taskID, in: "sosw_closed_tasks") == nil)
            #expect(try await harness.item(early.taskID, in: "sosw_closed_tasks") != nil)
            // And then all the rest.
            #expect(try await harness.taskManager.redriveDeadTasks(labourerID: "worker_a") == 1)
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_a") == 2)
        }
    }

    @Test func functionTimeoutIsReadOncePerTTL() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let labourer = try harness.registered("worker_a").labourer
            #expect(try await harness.taskManager.maxDuration(of: labourer) == .seconds(45))
            #expect(try await harness.taskManager.maxDuration(of: labourer) == .seconds(45))
            #expect(harness.lambda.configurationReads.count == 1)
            try await harness.advance(harness.taskManager.functionConfigurationTTL)
            _ = try await harness.taskManager.maxDuration(of: labourer)
            #expect(harness.lambda.configurationReads.count == 2)
        }
    }

    @Test func averageDurationUsesTheLatestClosedTasks() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor, taskConfig: [
                "labourers": testLabourers, "max_closed_to_analyse_for_duration": 2,
            ])
            let delta: Int64 = 31_557_600
            // Closed at 100, 200, 300: completed tasks that ran 10, 20 and 30 seconds.
            for (index, ran) in [Int64(10), 20, 30].enumerated() {
                let invokedAt: Int64 = 1_000_000
                _ = try await harness.dynamo.putItem(PutItemInput(tableName: "sosw_closed_tasks", item: [
                    "task_id": .s("t\(index)"), "labourer_id": "worker_a", "created_at": 1,
                    "greenfield": .n(DynamoNumber(invokedAt + delta)), "attempts": 1,
                    "completed_at": .n(DynamoNumber(invokedAt + ran)), "closed_at": .n(DynamoNumber(Int64(index + 1) * 100)),
                    "labourer_id_task_status": "worker_a_1",
                ]))
            }
            let labourer = try harness.registered("worker_a").labourer
            #expect(try await harness.taskManager.averageDuration(of: labourer) == .seconds(25))
        }
    }

    @Test func aTaskWithAnInvalidPayloadIsSkippedBeforeItIsMarked() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            try await harness.put([
                "task_id": "broken", "labourer_id": "worker_a", "created_at": 1, "greenfield": 2000, "attempts": 0,
                "payload": "{not json}",
            ])
            let labourer = try harness.registered("worker_a")
            let task = try #require(try await harness.taskManager.nextTasks(for: labourer, count: 1).first)
            #expect(try await harness.taskManager.invoke(task, for: labourer) == .skippedInvalidPayload)
            #expect(try await harness.item("broken", in: "sosw_tasks")?["greenfield"] == 2000)
            #expect(harness.taskManager.stats["invalid_tasks_skipped"] == 1)
            #expect(harness.lambda.invocations.isEmpty)
        }
    }
}
