import SoswCore
import SoswSimulation
import SoswTesting
import Testing

/// The Orchestrator's per-labourer step and the Scavenger's three stages, each run on its own for one
/// labourer, as a regression test drives them.
@Suite struct EssentialStageTests {
    /// Creates one task per entry of `attempts` for `labourer` and invokes it; an entry is the attempt the
    /// invocation makes.
    func invokedTasks(_ harness: Harness, attempts: [Int], labourer: String = "worker_a") async throws -> [TaskRecord] {
        var tasks: [TaskRecord] = []
        for count in attempts {
            var task = try await harness.taskManager.createTask(labourerID: labourer, arguments: [:])
            task.attempts = count - 1
            try await harness.put(task.item)
            #expect(try await harness.taskManager.invoke(task, for: harness.registered(labourer)) == .invoked)
            tasks.append(task)
        }
        return tasks
    }

    @Test func theOrchestratorsStepServesOneLabourerOnly() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            _ = try await harness.taskManager.createTasks(labourerID: "worker_a", arguments: Array(repeating: [:], count: 3))
            _ = try await harness.taskManager.createTasks(labourerID: "worker_b", arguments: Array(repeating: [:], count: 2))
            let orchestrator = try harness.orchestrator()
            orchestrator.ecology.beginRun()
            let run = try await orchestrator.invoke(for: harness.registered("worker_a"))
            #expect(run.labourerID == "worker_a")
            #expect(run.status == .high)
            #expect(run.running == 0)
            #expect(run.desired == 10)
            #expect(run.outcomes == [.invoked, .invoked, .invoked])
            #expect(harness.lambda.invocations.count == 3)
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_a") == 0)
            #expect(try await harness.taskManager.queueLength(labourerID: "worker_b") == 2)
        }
    }

    @Test func theArchiveStageMovesCompletedTasksAndNothingElse() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let tasks = try await invokedTasks(harness, attempts: [1, 1])
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(tasks[0].taskID)])
            try await harness.advance(.seconds(1200))
            let (scavenger, _) = try harness.scavenger()
            #expect(try await scavenger.archiveCompleted(harness.registered("worker_a")) == 1)
            #expect(try await harness.item(tasks[0].taskID, in: "sosw_closed_tasks") != nil)
            // The second task has expired, but expiry is another stage: it stays where it was.
            #expect(try await harness.item(tasks[1].taskID, in: "sosw_tasks") != nil)
            #expect(try await harness.retryItem("worker_a", tasks[1].taskID) == nil)
        }
    }

    @Test func theExpiryStageRetriesOrKillsAndLeavesTheNoticeQueued() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let tasks = try await invokedTasks(harness, attempts: [1, 3])
            try await harness.advance(.seconds(1200))
            let (scavenger, clients) = try harness.scavenger()
            let labourer = try harness.registered("worker_a")
            let (retried, dead) = try await scavenger.handleExpired(labourer)
            #expect(retried == 1 && dead == 1)
            #expect(try await harness.retryItem("worker_a", tasks[0].taskID) != nil)
            #expect(try await harness.item(tasks[1].taskID, in: "sosw_closed_tasks")?["dead_reason"] == "expired after 3 of 3 attempts")
            // The notice waits in the notifier: publishing is the end of a whole run, not of this stage.
            #expect(clients.all.flatMap(\.messages).isEmpty)
            // Requeueing is the third stage: the retry is due after 45 s (max_duration × attempts).
            #expect(try await scavenger.requeueDueRetries(harness.registered("worker_a")) == 0)
            try await harness.advance(.seconds(45))
            #expect(try await scavenger.requeueDueRetries(harness.registered("worker_a")) == 1)
            let queued = try await harness.taskManager.nextTasks(for: harness.registered("worker_a"), count: 5)
            #expect(queued.map(\.taskID) == [tasks[0].taskID])
        }
    }
}
