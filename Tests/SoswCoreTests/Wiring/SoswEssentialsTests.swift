import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// Records every task event the essentials report.
final class RecordingObserver: TaskEventObserver {
    private let recorded = Mutex<[TaskEvent]>([])

    var events: [TaskEvent] { recorded.withLock { $0 } }

    func observe(_ event: TaskEvent) {
        recorded.withLock { $0.append(event) }
    }
}

/// The names of the random sources asked for, each answered by its own seeded stream.
final class RandomUses: Sendable {
    private let random = SeededRandom(seed: 11)
    private let asked = Mutex<[String]>([])

    var names: [String] { asked.withLock { $0 } }

    func source(_ use: String) -> any RandomSource {
        asked.withLock { $0.append(use) }
        return random.stream(use)
    }
}

@Suite("SoswEssentials: one wiring of the essentials for simulation and production")
struct SoswEssentialsTests {
    static let document: JSONValue = [
        "task_config": ["labourers": testLabourers, "max_attempts": 1],
        "sns_config": ["recipient": "arn:aws:sns:eu-west-1:000000000000:sosw_dead"],
    ]

    struct Wiring {
        let harness: Harness
        let essentials: SoswEssentials<SimClock>
        let observer = RecordingObserver()
        let randomUses = RandomUses()
        let snsClients = SNSClients()

        init(_ harness: Harness) throws {
            self.harness = harness
            let (observer, randomUses, snsClients) = (observer, randomUses, snsClients)
            essentials = SoswEssentials(
                configuration: try SoswConfiguration(custom: SoswEssentialsTests.document),
                ports: SoswPorts(
                    dynamoDB: harness.db, lambda: harness.lambda, cloudWatch: harness.cloudWatch,
                    sns: { snsClients.client(region: $0) }),
                environment: SoswEnvironment(
                    clock: harness.executor.clock, wallClock: harness.executor.clock, random: { randomUses.source($0) },
                    ids: SeededIDSource(random: SeededRandom(seed: 3)), logger: harness.logs.logger, observer: observer))
        }
    }

    @Test("a task's whole life through the essentials one wiring builds, each run's report in its JSON form")
    func taskLifecycle() throws {
        try simulate { executor in
            let wiring = try Wiring(try await Harness(executor: executor))
            let essentials = wiring.essentials
            let scheduled = try await essentials.scheduler().run(
                event: ["job": ["lambda_name": "arn:aws:lambda:us-west-2:000000000000:function:worker_a:live", "day": 1]],
                deadline: executor.clock.now.advanced(by: .seconds(900)))
            #expect(scheduled.json == ["labourer_id": "worker_a", "total": 1, "written": 1, "handed_off": nil])
            _ = try await essentials.taskManager.createTasks(labourerID: "worker_b", arguments: [["n": 1], ["n": 2]])

            let orchestrated = await essentials.orchestrator().run()
            #expect(orchestrated.json == [
                "invoked": 3, "failures": [],
                "labourers": [
                    Self.orchestratorRun("worker_a", invoked: 1), Self.orchestratorRun("worker_b", invoked: 2),
                ],
            ])
            #expect(wiring.harness.lambda.invocations.count == 3)

            let workerATask = try #require(wiring.harness.lambda.invocations.first { $0.payload["labourer_id"] == "worker_a" })
            let taskID = try #require(workerATask.payload["task_id"]?.stringValue)
            let outcome = try await essentials.workerAssistant().handle(
                event: ["action": "mark_task_as_completed", "task_id": .string(taskID)])
            #expect(outcome.json == ["outcome": "recorded"])
            let unknown = try await essentials.workerAssistant().handle(event: ["action": "mark_task_as_completed", "task_id": "gone"])
            #expect(unknown.json == ["outcome": "unknown_task"])

            // worker_b's tasks expire after duration 900 + cooldown 300 and, with one attempt allowed, die.
            try await wiring.harness.advance(.seconds(1200))
            let scavenged = await essentials.scavenger(run: 3).run()
            #expect(scavenged.json == [
                "archived": 1, "scheduled_for_retry": 0, "dead": 2, "requeued": 0, "failures": [],
                "labourers": [
                    ["labourer_id": "worker_a", "archived": 1, "scheduled_for_retry": 0, "dead": 0, "requeued": 0],
                    ["labourer_id": "worker_b", "archived": 0, "scheduled_for_retry": 0, "dead": 2, "requeued": 0],
                ],
            ])
            let clients = wiring.snsClients.all
            #expect(clients.map(\.region) == ["eu-west-1"], "the notifier's client is made for the topic's region")
            #expect(clients.first?.messages.map(\.topicArn) == ["arn:aws:sns:eu-west-1:000000000000:sosw_dead"])

            #expect(wiring.randomUses.names == ["task-manager", "scheduler", "scavenger/3"])
            let events = wiring.observer.events
            #expect(events.filter { if case .created = $0 { true } else { false } }.count == 3)
            #expect(events.contains(.completed(taskID: taskID)))
        }
    }

    @Test("every Orchestrator has a fresh Ecology, as a new Lambda container would; all share one TaskManager")
    func orchestratorsShareTheTaskManagerOnly() throws {
        try simulate { executor in
            let essentials = try Wiring(try await Harness(executor: executor)).essentials
            let first = essentials.orchestrator()
            let second = essentials.orchestrator()
            #expect(first.ecology !== second.ecology)
            #expect(first.taskManager === essentials.taskManager)
            #expect(essentials.scavenger().taskManager === essentials.taskManager)
            #expect(try essentials.scheduler().taskManager === essentials.taskManager)
            #expect(try essentials.scheduler(functionName: "my_scheduler").functionName == "my_scheduler")
            #expect(essentials.workerAssistant().tasksTable == "sosw_tasks")
            #expect(essentials.notifier().region == "eu-west-1")
        }
    }

    @Test("a failed invoke and its error appear in the Orchestrator's report")
    func invokeFailuresAreReported() throws {
        try simulate { executor in
            let wiring = try Wiring(try await Harness(executor: executor))
            let arn = "arn:aws:lambda:us-west-2:000000000000:function:worker_a"
            wiring.harness.lambda.fail(arn)
            _ = try await wiring.essentials.taskManager.createTasks(labourerID: "worker_a", arguments: [["n": 1]])
            let report = await wiring.essentials.orchestrator().run()
            #expect(report.json["labourers"]?.arrayValue?.first == [
                "labourer_id": "worker_a", "health": 4, "running": 0, "desired": 10, "invoked": 0,
                "skipped_concurrent": 0, "skipped_invalid_payload": 0,
                "invoke_failures": [.string(String(describing: LambdaError.functionNotFound(arn)))],
            ])
        }
    }

    /// A labourer's part of an Orchestrator run with no health metrics (high) and nothing running: up to its
    /// cap of 10 desired.
    static func orchestratorRun(_ id: String, invoked: Int) -> JSONValue {
        [
            "labourer_id": .string(id), "health": 4, "running": 0, "desired": 10, "invoked": .int(Int64(invoked)),
            "skipped_concurrent": 0, "skipped_invalid_payload": 0, "invoke_failures": [],
        ]
    }
}
