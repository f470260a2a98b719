import SoswCore
import SoswSimulation
import Synchronization
import Testing

@Suite struct ScavengerTests {
    /// Creates one task per entry and invokes it; the entries are the attempts it has made so far.
    func invokedTasks(_ harness: Harness, attempts: [Int], labourer: String = "worker_a") async throws -> [TaskRecord] {
        var tasks: [TaskRecord] = []
        for (index, count) in attempts.enumerated() {
            var task = try await harness.taskManager.createTask(labourerID: labourer, arguments: ["payload": ["n": .int(Int64(index))]])
            task.attempts = count - 1
            try await harness.put(task.item)
            #expect(try await harness.taskManager.invoke(task, for: harness.registered(labourer)) == .invoked)
            tasks.append(task)
        }
        return tasks
    }

    @Test func expiredTasksAreRetriedLinearlyOrDieWithAReasonAndANotice() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let tasks = try await invokedTasks(harness, attempts: [1, 2, 3])
            let (scavenger, clients) = try harness.scavenger()
            // Not expired yet: duration 900 + cooldown 300.
            try await harness.advance(.seconds(1199))
            var report = await scavenger.run()
            #expect(report.labourers.first?.scheduledForRetry == 0)
            try await harness.advance(.seconds(1))
            report = await scavenger.run()
            #expect(report.failures.isEmpty)
            #expect(report.labourers.first { $0.labourerID == "worker_a" } == Scavenger.LabourerRun(
                labourerID: "worker_a", archived: 0, scheduledForRetry: 2, dead: 1, requeued: 0))
            let now = harness.now.wholeSeconds
            // sosw's linear delay: max_duration (45 s from Lambda) × attempts.
            #expect(try await harness.retryItem("worker_a", tasks[0].taskID)?["desired_launch_time"]?.number == now + 45)
            #expect(try await harness.retryItem("worker_a", tasks[1].taskID)?["desired_launch_time"]?.number == now + 90)
            let dead = try #require(try await harness.item(tasks[2].taskID, in: "sosw_closed_tasks"))
            #expect(dead["dead_reason"] == "expired after 3 of 3 attempts")
            #expect(dead["labourer_id_task_status"] == "worker_a_0")
            let sns = try #require(clients.all.first)
            #expect(sns.region == "eu-west-1")
            #expect(sns.messages.count == 1)
            #expect(sns.messages.first?.topicArn == "arn:aws:sns:eu-west-1:000000000000:sosw_dead")
            #expect(sns.messages.first?.subject == "``sosw`` Dead Task")
            #expect(sns.messages.first?.message.contains("Closing dead task: \(tasks[2].taskID)") == true)

            // After 45 s the first is due and goes back to the head of the queue; after 90 s the second.
            try await harness.advance(.seconds(45))
            report = await scavenger.run()
            #expect(report.labourers.first?.requeued == 1)
            try await harness.advance(.seconds(45))
            report = await scavenger.run()
            #expect(report.labourers.first?.requeued == 1)
            let labourer = try harness.registered("worker_a")
            let queued = try await harness.taskManager.nextTasks(for: labourer, count: 5)
            #expect(queued.map(\.taskID) == [tasks[1].taskID, tasks[0].taskID])
            #expect(queued.map(\.greenfield) == [Greenfield(998), Greenfield(999)])
            #expect(queued.map(\.attempts) == [2, 1])
        }
    }

    @Test func completedTasksAreArchived() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let tasks = try await invokedTasks(harness, attempts: [1, 1])
            _ = try await harness.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": .string(tasks[0].taskID)])
            let (scavenger, _) = try harness.scavenger()
            let report = await scavenger.run()
            #expect(report.labourers.first?.archived == 1)
            #expect(try await harness.item(tasks[0].taskID, in: "sosw_closed_tasks")?["labourer_id_task_status"] == "worker_a_1")
            #expect(try await harness.item(tasks[1].taskID, in: "sosw_tasks") != nil)
        }
    }

    @Test func exponentialRetryDelayDrawsItsJitterFromTheInjectedSource() throws {
        let delays: @Sendable (UInt64) throws -> [Int64] = { seed in
            try simulate { executor in
                let retry: JSONValue = ["policy": "exponential", "base": 10, "factor": 2, "cap": 60]
                let harness = try await Harness(executor: executor, taskConfig: ["labourers": [
                    "worker_a": ["arn": "fn_a", "max_simultaneous_invocations": 10, "max_duration": 45, "retry_delay": retry],
                ]], seed: seed)
                let tasks = try await ScavengerTests().invokedTasks(harness, attempts: [1, 2, 2, 2, 2, 2, 2, 2])
                try await harness.advance(.seconds(1200))
                let (scavenger, _) = try harness.scavenger()
                _ = await scavenger.run()
                var delays: [Int64] = []
                for task in tasks {
                    let due = try #require(try await harness.retryItem("worker_a", task.taskID)?["desired_launch_time"]?.number)
                    delays.append(due - harness.now.wholeSeconds)
                }
                return delays
            }
        }
        let first = try delays(1)
        #expect(first == (try delays(1)), "the same seed gives the same jitter")
        #expect(first != (try delays(2)))
        #expect((0...10).contains(first[0]), "first attempt: up to the base")
        #expect(first.dropFirst().allSatisfy { (0...20).contains($0) }, "second attempt: up to base × factor")
        #expect(Set(first.dropFirst()).count > 1, "full jitter spreads the retries")
    }

    @Test func snsRegionComesFromConfiguration() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let (_, fromArn) = try harness.scavenger(recipient: "arn:aws:sns:ap-southeast-2:1:dead")
            #expect(fromArn.all.map(\.region) == ["ap-southeast-2"])
            let (_, explicit) = try harness.scavenger(recipient: "arn:aws:sns:ap-southeast-2:1:dead", region: "eu-central-1")
            #expect(explicit.all.map(\.region) == ["eu-central-1"])
        }
    }

    @Test func oneLabourersFailureDoesNotStopTheOthers() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let broken = try await invokedTasks(harness, attempts: [1], labourer: "worker_a")
            let fine = try await invokedTasks(harness, attempts: [1], labourer: "worker_b")
            // worker_a's timeout cannot be read, so its expired task cannot be scheduled for retry.
            harness.lambda.fail("arn:aws:lambda:us-west-2:000000000000:function:worker_a")
            try await harness.advance(.seconds(1200))
            let (scavenger, _) = try harness.scavenger()
            let report = await scavenger.run()
            #expect(report.failures.map { "\($0.labourerID) \($0.stage)" } == ["worker_a expired"])
            #expect(report.labourers.first { $0.labourerID == "worker_b" }?.scheduledForRetry == 1)
            #expect(scavenger.stats["labourer_failures"] == 1)
            #expect(try await harness.item(broken[0].taskID, in: "sosw_tasks") != nil)
            #expect(try await harness.retryItem("worker_b", fine[0].taskID) != nil)
        }
    }
}
