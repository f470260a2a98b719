import SoswCore
import SoswSimulation
import SoswTesting
import Testing

/// Kind (c): the core wired by hand on the in-memory DynamoDB under the simulation clock, one essential run
/// at a time, asserting where each task stands after every move.
@Suite struct GreenfieldMoveTests {
    static let arn = "arn:aws:lambda:us-west-2:000000000000:function:thumbnailer"
    /// One labourer whose tasks expire 150 s after their invocation (duration 120 + cooldown 30), are retried
    /// after max_duration × attempts = 60 s, and die after their second attempt.
    static let configuration: JSONValue = [
        "task_config": [
            "max_attempts": 2,
            "labourers": [
                "thumbnailer": [
                    "arn": .string(arn), "max_simultaneous_invocations": 5, "duration": 120, "cooldown": 30,
                    "max_duration": 60,
                ],
            ],
        ],
        "sns_config": ["recipient": "arn:aws:sns:us-west-2:000000000000:sosw_dead"],
    ]

    @Test("queued → running → completed → archived, and queued → running → expired → retry → head of the queue → dead")
    func taskLifecycles() throws {
        try simulate { executor in
            let deployment = try await SimulatedDeployment(executor: executor, configuration: Self.configuration)
            let created = try await deployment.taskManager.createTasks(
                labourerID: "thumbnailer", arguments: [["image": "a.png"], ["image": "b.png"], ["image": "c.png"]])
            let ids = created.map(\.taskID)
            await deployment.expectTasks(of: "thumbnailer", count: 3, in: .queued)
            #expect(try await deployment.tasks(of: "thumbnailer").map(\.greenfield) == [Greenfield(2000), Greenfield(3000), Greenfield(4000)])

            // The Orchestrator invokes all three: each greenfield becomes the invocation time plus a year.
            let report = try await deployment.orchestrator().run()
            #expect(report.invoked == 3)
            #expect(deployment.lambda.invocations.map(\.functionName) == Array(repeating: Self.arn, count: 3))
            let invokedGreenfield = GreenfieldPolicy().invoked(at: deployment.now)
            for id in ids {
                await deployment.expectTask(id, in: .running)
                #expect(try await deployment.task(id)?.greenfield == invokedGreenfield)
            }

            // The worker of the first reports completion; the other two outlive duration + cooldown.
            _ = try await deployment.workerAssistant().handle(
                event: ["action": "mark_task_as_completed", "task_id": .string(ids[0])])
            await deployment.expectTask(ids[0], in: .completed)
            try await deployment.advance(.seconds(149))
            await deployment.expectTask(ids[1], in: .running, "one second before the expiry window ends")
            try await deployment.advance(.seconds(1))
            await deployment.expectTasks(of: "thumbnailer", count: 2, in: .expired)

            // The Scavenger archives the completed task and schedules the expired ones for a retry in 60 s.
            _ = await deployment.essentials.scavenger(run: 1).run()
            await deployment.expectTask(ids[0], in: .archived)
            for id in ids.dropFirst() {
                await deployment.expectTask(id, in: .awaitingRetry)
                #expect(try await deployment.task(id)?.record.desiredLaunchTime == deployment.now.wholeSeconds + 60)
            }

            // When due, they go back to the head of the queue, below the first queued greenfield.
            try await deployment.advance(.seconds(60))
            _ = await deployment.essentials.scavenger(run: 2).run()
            await deployment.expectTasks(of: "thumbnailer", count: 2, in: .queued)
            let requeued = try await deployment.tasks(of: "thumbnailer").filter { $0.state == .queued }
            #expect(requeued.map(\.greenfield).allSatisfy { $0 < Greenfield(1000) })
            #expect(requeued.map(\.attempts) == [1, 1])

            // Their second attempt expires too: out of attempts, they die and are announced.
            _ = try await deployment.orchestrator().run()
            await deployment.expectTasks(of: "thumbnailer", count: 2, in: .running)
            try await deployment.advance(.seconds(150))
            _ = await deployment.essentials.scavenger(run: 3).run()
            await deployment.expectTasks(of: "thumbnailer", count: 2, in: .dead)
            #expect(try await deployment.stateCounts(of: "thumbnailer") == [.archived: 1, .dead: 2])
            let notices = deployment.snsClients.all.flatMap(\.messages).map(\.message).joined()
            for id in ids.dropFirst() {
                #expect(notices.contains(id), "the dead-task notice names \(id)")
            }
            let deaths = deployment.events.events.filter { if case .dead = $0 { true } else { false } }
            #expect(deaths.count == 2)
        }
    }

    @Test("the Orchestrator invokes no more than the cap, the rest stay queued in greenfield order")
    func theCapHoldsTheRestInTheQueue() throws {
        try simulate { executor in
            let deployment = try await SimulatedDeployment(executor: executor, configuration: Self.configuration)
            let created = try await deployment.taskManager.createTasks(
                labourerID: "thumbnailer", arguments: Array(repeating: [:], count: 8))
            _ = try await deployment.orchestrator().run()
            await deployment.expectTasks(of: "thumbnailer", count: 5, in: .running)
            await deployment.expectTasks(of: "thumbnailer", count: 3, in: .queued)
            for task in created.prefix(5) {
                await deployment.expectTask(task.taskID, in: .running, "the lowest greenfields go first")
            }
        }
    }

    @Test("with a simulated Lambda, workers run in virtual time and report their completion themselves")
    func simulatedWorkersReportCompletion() throws {
        try simulate { executor in
            let deployment = try await SimulatedDeployment(executor: executor, configuration: Self.configuration) { random in
                SimulatedLambda(
                    clock: executor.clock, random: random, log: EventLog(),
                    configuration: SimulatedLambdaConfiguration(region: "us-west-2"))
            }
            let assistant = deployment.workerAssistant()
            try deployment.lambda.register(SimulatedFunction(
                name: "thumbnailer", timeout: .seconds(60), worker: WorkerModel(duration: .distribution(.fixed(.seconds(20)))),
                behaviour: WorkerClosure { invocation in
                    let taskID = JSONValue.string(invocation.taskID ?? "")
                    _ = try await assistant.handle(event: ["action": "mark_task_as_completed", "task_id": taskID])
                    return nil
                }))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await deployment.lambda.run() }
                _ = try await deployment.taskManager.createTasks(labourerID: "thumbnailer", arguments: Array(repeating: [:], count: 3))
                _ = try await deployment.orchestrator().run()
                await deployment.expectTasks(of: "thumbnailer", count: 3, in: .running)
                let started = deployment.now
                #expect(try await deployment.advanceUntilIdle())
                #expect(deployment.now - started >= .seconds(20) && deployment.now - started <= .seconds(21))
                await deployment.expectTasks(of: "thumbnailer", count: 3, in: .completed)
                #expect(deployment.lambda.statistics(of: "thumbnailer")?.finished(.complete) == 3)
                deployment.lambda.shutdown()
                try await group.waitForAll()
            }
        }
    }

    @Test("a broken expectation says what it found, in which table, with which greenfield")
    func brokenExpectationsSayWhatTheyFound() throws {
        try simulate { executor in
            let deployment = try await SimulatedDeployment(executor: executor, configuration: Self.configuration)
            let id = try await deployment.taskManager.createTask(labourerID: "thumbnailer", arguments: [:]).taskID
            await withKnownIssue {
                await deployment.expectTask(id, in: .running)
            } matching: { issue in
                Self.text(of: issue) == "expected task \(id) to be running, found task \(id) of thumbnailer: queued in tasks (greenfield 2000, attempts 0)"
            }
            await withKnownIssue {
                await deployment.expectTask("t-missing", in: .queued)
            } matching: { issue in
                Self.text(of: issue) == "expected task t-missing to be queued, but none of sosw_tasks, sosw_retry_tasks, sosw_closed_tasks holds it"
            }
            await withKnownIssue {
                await deployment.expectTasks(of: "thumbnailer", count: 2, in: .queued, "after one createTask")
            } matching: { issue in
                Self.text(of: issue).hasPrefix("expected 2 queued tasks of thumbnailer, found 1 at ")
                    && Self.text(of: issue).hasSuffix("(after one createTask):\n  task \(id) of thumbnailer: queued in tasks (greenfield 2000, attempts 0)")
            }
        }
    }

    static func text(of issue: Issue) -> String {
        issue.comments.map(\.rawValue).joined(separator: "\n")
    }
}
