import Foundation
import SoswCore
import Synchronization
import Testing

/// 200 tasks through their whole lifecycle with the live essentials talking to moto through a fault proxy:
/// created by the Scheduler, invoked by the Orchestrator (cap 50), reported by a worker stand-in through the
/// WorkerAssistant for every invocation that reached Lambda, archived by the Scavenger. With faults (500/503,
/// each service's throttling error, connection resets, slow answers) no task is lost, the Orchestrator never
/// invokes a task twice for one attempt, and every task ends closed. Without faults, the proxy's count of AWS
/// calls per task is the figure the README quotes.
@Suite(
    .enabled(if: LiveDeployment.isAvailable, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"),
    .serialized)
struct FaultProxyLifecycleTests {
    static let taskCount = 200
    static let labourerSettings: JSONValue = [
        "max_simultaneous_invocations": 50, "max_attempts": 6, "duration": 5, "cooldown": 0, "max_duration": 1,
    ]

    @Test func throughFaultsNoTaskIsLostOrInvokedTwiceAndEveryTaskCloses() async throws {
        var deployment = try LiveDeployment("faults", labourerSettings: Self.labourerSettings)
        try setUp(deployment)
        let upstream = deployment.endpoint
        let proxy = try FaultProxy(
            upstream: upstream, directory: deployment.directory,
            faults: FaultProxy.Faults(error: 0.03, throttle: 0.03, reset: 0.02, slow: 0.03))
        defer { proxy.stop() }
        deployment.endpoint = proxy.url
        let outcome = try await drive(deployment, proxy: proxy)

        let requests = try proxy.requests()
        let injected = Dictionary(grouping: requests.compactMap(\.fault), by: { $0 }).mapValues(\.count)
        #expect(injected.keys.sorted() == ["error", "reset", "slow", "throttle"], "every kind of fault was injected: \(injected)")
        #expect(outcome.closedCompleted == outcome.created, "every task completed and archived, none lost")
        #expect(outcome.dead.isEmpty)
        #expect(outcome.stillOpen == 0)
        let invocations = Dictionary(grouping: requests.filter { $0.operation == "Invoke" && $0.status == 202 }) {
            "\($0.taskIDs.first ?? "?")#\($0.attempts ?? -1)"
        }
        let twice = invocations.filter { $0.value.count > 1 }.keys.sorted()
        #expect(twice.isEmpty, "invoked more than once for one attempt: \(twice)")
        print("fault proxy run: \(requests.count) requests, faults \(injected), \(outcome.rounds) rounds")
    }

    @Test func awsCallsPerTaskLifecycleAtMostSix() async throws {
        var deployment = try LiveDeployment("calls", labourerSettings: Self.labourerSettings)
        try setUp(deployment)
        let proxy = try FaultProxy(upstream: deployment.endpoint, directory: deployment.directory, faults: .none)
        defer { proxy.stop() }
        deployment.endpoint = proxy.url
        let outcome = try await drive(deployment, proxy: proxy)
        #expect(outcome.closedCompleted == outcome.created)

        let requests = try proxy.requests()
        let perTask = Double(requests.count) / Double(Self.taskCount)
        let byOperation = Dictionary(grouping: requests) { "\($0.service).\($0.operation)" }.mapValues(\.count)
        print("AWS calls per task lifecycle: \(perTask) (\(requests.count) calls for \(Self.taskCount) tasks): "
            + byOperation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(perTask <= 6, "\(perTask) AWS calls per task: \(byOperation)")
    }

    /// Tables and the labourer's function, made directly on moto (not counted).
    private func setUp(_ deployment: LiveDeployment) throws {
        let tables = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
        #expect(tables.status == 0, "\(tables.stderr)")
        try deployment.createFunction()
    }

    struct Outcome {
        var created: Set<String> = []
        var closedCompleted: Set<String> = []
        var dead: Set<String> = []
        var stillOpen = 0
        var rounds = 0
    }

    /// Runs the lifecycle until every task is closed (or 60 rounds pass): the Scheduler once, then rounds of
    /// Orchestrator → a worker report for each invocation that reached Lambda → Scavenger.
    private func drive(_ deployment: LiveDeployment, proxy: FaultProxy) async throws -> Outcome {
        var outcome = Outcome()
        let job = #"{"lambda_name": "\#(deployment.labourer)", "period": "last_\#(Self.taskCount)_days", "isolate_days": true}"#
        let scheduled = try deployment.essential("scheduler", ["--job", job])
        #expect(scheduled["report"]?["written"] == .int(Int64(Self.taskCount)), "\(scheduled)")
        outcome.created = Set(try await deployment.scan(deployment.tasksTable).compactMap(\.taskID))
        #expect(outcome.created.count == Self.taskCount)

        var reported = Set<String>()
        while outcome.rounds < 60 {
            outcome.rounds += 1
            _ = try deployment.essential("orchestrator", allowedStatus: [0, 1])
            var newlyInvoked: [String] = []
            for invocation in try proxy.requests() where invocation.operation == "Invoke" && invocation.status == 202 {
                guard let taskID = invocation.taskIDs.first else { continue }
                if reported.insert("\(taskID)#\(invocation.attempts ?? -1)").inserted { newlyInvoked.append(taskID) }
            }
            // Workers run side by side, as Lambda runs them; four processes at a time on two cores.
            let unreported = Mutex<[String]>([])
            let toReport = newlyInvoked
            DispatchQueue.concurrentPerform(iterations: 4) { lane in
                for taskID in toReport.enumerated().filter({ $0.offset % 4 == lane }).map(\.element)
                where !report(completionOf: taskID, deployment: deployment) {
                    unreported.withLock { $0.append(taskID) }
                }
            }
            #expect(unreported.withLock { $0 }.isEmpty, "the WorkerAssistant refused these reports five times")
            _ = try deployment.essential("scavenger", allowedStatus: [0, 1])
            let closed = try await deployment.scan(deployment.closedTable)
            outcome.closedCompleted = Set(closed.filter { $0["completed_at"] != nil }.compactMap(\.taskID))
            outcome.dead = Set(closed.filter { $0["completed_at"] == nil }.compactMap(\.taskID))
            if outcome.closedCompleted.count + outcome.dead.count == Self.taskCount { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        outcome.stillOpen = try await deployment.scan(deployment.tasksTable).count
            + deployment.scan(deployment.retryTable).count
        return outcome
    }

    /// What a worker does at its end: tells the WorkerAssistant; a report that fails is sent again, as Lambda
    /// retries a failed asynchronous invocation. False when five tries failed.
    private func report(completionOf taskID: String, deployment: LiveDeployment) -> Bool {
        let event = #"{"action": "mark_task_as_completed", "task_id": "\#(taskID)"}"#
        for _ in 1...5 {
            let output = try? deployment.sosw(["worker-assistant", "--live", "--config", deployment.configFile, "--event", event])
            if output?.status == 0 { return true }
        }
        return false
    }
}
