import Foundation
import SoswCore
import Testing

@testable import SoswSimulation

@Suite("The simulated Lambda")
struct SimulatedLambdaTests {
    private func worker(
        _ name: String = "worker", timeout: Duration = .seconds(900), duration: Duration = .seconds(30),
        outcomes: WorkerOutcomes = .alwaysComplete, scope: OutcomeScope = .invocation, reserved: Int? = nil,
        retries: Int = 2, maximumEventAge: Duration = .seconds(6 * 3600),
        behaviour: any WorkerBehaviour = WorkerClosure.idle
    ) -> SimulatedFunction {
        SimulatedFunction(
            name: name, timeout: timeout, memoryMB: 512, reservedConcurrency: reserved, maximumRetryAttempts: retries,
            maximumEventAge: maximumEventAge,
            worker: WorkerModel(duration: .distribution(.fixed(duration)), outcomes: outcomes, outcomeScope: scope),
            behaviour: behaviour)
    }

    @Test("an Event invoke answers 202 at once; the execution runs later and its behaviour gets the payload")
    func asyncInvoke() throws {
        let harness = FakeServiceHarness()
        let seen = Recorder<WorkerInvocation>()
        try harness.lambda.register(worker(behaviour: WorkerClosure { invocation in
            seen.append(invocation)
            return nil
        }))
        let (status, answeredAt) = try harness.run { lambda in
            let output = try await lambda.invoke(event(["task_id": "t1", "n": 1]))
            return (output.statusCode, harness.clock.currentTime())
        }
        #expect(status == 202)
        #expect(answeredAt == FakeServiceHarness.start)
        let started = try harness.events("worker.started")
        let finished = try harness.events("worker.finished")
        #expect(started.map(FakeServiceHarness.offset) == [0])
        #expect(finished.map(FakeServiceHarness.offset) == [30])
        #expect(finished.first?["outcome"] == "complete")
        #expect(finished.first?["task_id"] == "t1")
        #expect(seen.all.map(\.payload) == [["task_id": "t1", "n": 1]])
        #expect(seen.all.map(\.attempt) == [1])
        #expect(seen.all.first?.deadline == FakeServiceHarness.start + .seconds(900))
        #expect(harness.lambda.eventsInFlight == 0)
    }

    @Test("the account's concurrency caps running executions; throttled events wait and all complete")
    func accountConcurrency() throws {
        let harness = FakeServiceHarness(configuration: SimulatedLambdaConfiguration(accountConcurrency: 2))
        try harness.lambda.register(worker(duration: .seconds(10)))
        try harness.run { lambda in
            for index in 0..<5 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
        }
        let statistics = try #require(harness.lambda.statistics(of: "worker"))
        #expect(statistics.peakRunning == 2)
        #expect(statistics.throttles >= 3)
        #expect(statistics.finished(.complete) == 5)
        #expect(statistics.running == 0)
        #expect(try harness.events("lambda.throttled").allSatisfy { $0["reason"] == "ConcurrentInvocationLimitExceeded" })
        #expect(harness.lambda.runningExecutions(of: "worker", at: FakeServiceHarness.start + .seconds(5)) == 2)
        #expect(harness.lambda.runningExecutions(of: "worker", at: FakeServiceHarness.start - .seconds(1)) == 0)
        #expect(harness.lambda.runningExecutions(of: "worker", at: harness.executor.now) == 0)
    }

    @Test("reserved concurrency caps its function (429, reserved reason) and is taken out of the shared pool")
    func reservedConcurrency() throws {
        let harness = FakeServiceHarness(configuration: SimulatedLambdaConfiguration(accountConcurrency: 3))
        try harness.lambda.register(worker("reserved", duration: .seconds(10), reserved: 1))
        try harness.lambda.register(worker("shared", duration: .seconds(10)))
        #expect(throws: LambdaError.self) { try harness.lambda.register(worker("greedy", reserved: 3)) }
        let errors = try harness.run { lambda -> [LambdaError] in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["reserved", "shared", "shared"] {
                    group.addTask {
                        _ = try await lambda.invoke(InvokeInput(functionName: name, invocationType: .requestResponse))
                    }
                }
                try await harness.clock.sleep(for: .seconds(1))
                var errors: [LambdaError] = []
                for name in ["reserved", "shared"] {
                    do {
                        _ = try await lambda.invoke(InvokeInput(functionName: name, invocationType: .requestResponse))
                    } catch let error as LambdaError {
                        errors.append(error)
                    }
                }
                try await group.waitForAll()
                return errors
            }
        }
        #expect(errors.map(\.code) == [.tooManyRequests, .tooManyRequests])
        #expect(errors.map(\.httpStatus) == [429, 429])
        #expect(errors.map(\.reason) == [.reservedFunctionConcurrentInvocationLimitExceeded, .concurrentInvocationLimitExceeded])
        #expect(harness.lambda.statistics(of: "shared")?.peakRunning == 2)
    }

    @Test("a throttled event is retried with growing backoff (capped at 5 min) until its maximum event age")
    func throttledUntilMaximumEventAge() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker(reserved: 0, maximumEventAge: .seconds(3600)))
        try harness.run { lambda in _ = try await lambda.invoke(event(["task_id": "t1"])) }
        let throttles = try harness.events("lambda.throttled")
        let dropped = try harness.events("lambda.event_dropped")
        #expect(try harness.events("worker.started").isEmpty)
        #expect(dropped.count == 1)
        #expect(dropped.first?["reason"] == "max_event_age")
        let droppedAt = dropped.map(FakeServiceHarness.offset).first ?? 0
        #expect(droppedAt > 3600 && droppedAt <= 3900)
        #expect((15...40).contains(throttles.count), "got \(throttles.count) throttles in an hour")
        let times = throttles.map(FakeServiceHarness.offset)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps[0] >= 0.5 && gaps[0] <= 1, "the first backoff is drawn from [0.5 s, 1 s]")
        #expect(gaps[1] >= 1 && gaps[1] <= 2, "the second backoff is drawn from [1 s, 2 s]")
        #expect(gaps.allSatisfy { $0 <= 300.001 }, "no backoff exceeds 5 minutes")
        #expect(gaps.suffix(5).allSatisfy { $0 >= 150 }, "late backoffs are at least half the 5-minute cap")
        #expect(harness.lambda.statistics(of: "worker")?.eventsDroppedByAge == 1)
    }

    @Test("behind a full account, an event can run hours after it was accepted")
    func lateExecution() throws {
        let harness = FakeServiceHarness(configuration: SimulatedLambdaConfiguration(accountConcurrency: 1))
        try harness.lambda.register(worker(duration: .seconds(14 * 60)))
        try harness.run { lambda in
            for index in 0..<10 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
        }
        let starts = try harness.events("worker.started").map(FakeServiceHarness.offset)
        #expect(starts.count == 10)
        #expect(starts.max()! >= 9 * 14 * 60, "the last execution starts after nine others of 14 minutes each")
        #expect(try harness.events("lambda.event_dropped").isEmpty)
        #expect(harness.lambda.statistics(of: "worker")?.finished(.complete) == 10)
    }

    @Test("function errors are retried twice, about one and two minutes later, then the event is dropped")
    func errorRetries() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker(timeout: .seconds(60), duration: .seconds(10), outcomes: WorkerOutcomes(complete: 0, fail: 1)))
        try harness.run { lambda in _ = try await lambda.invoke(event(["task_id": "t1"])) }
        #expect(try harness.events("worker.started").map(FakeServiceHarness.offset) == [0, 70, 200])
        #expect(try harness.events("worker.started").map { $0["attempt"] } == [1, 2, 3])
        #expect(try harness.events("worker.finished").map { $0["outcome"] } == ["fail", "fail", "fail"])
        #expect(try harness.events("lambda.retry_scheduled").map { $0["retry_at"]!.doubleValue! - FakeServiceHarness.start.seconds } == [70, 200])
        let dropped = try harness.events("lambda.event_dropped")
        #expect(dropped.map { $0["reason"] } == ["retries_exhausted"])
        #expect(dropped.map(FakeServiceHarness.offset) == [210])
        let statistics = try #require(harness.lambda.statistics(of: "worker"))
        #expect(statistics.retries == 2)
        #expect(statistics.finished(.fail) == 3)
        #expect(statistics.eventsDroppedAfterRetries == 1)
    }

    @Test("with MaximumRetryAttempts 0 a failed event is not retried")
    func noRetries() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker(duration: .seconds(10), outcomes: WorkerOutcomes(complete: 0, fail: 1), retries: 0))
        try harness.run { lambda in _ = try await lambda.invoke(event(["task_id": "t1"])) }
        #expect(try harness.events("worker.started").count == 1)
        #expect(try harness.events("lambda.event_dropped").map(FakeServiceHarness.offset) == [10])
    }

    @Test("the Timeout ends hanging executions and executions longer than it, as timeouts")
    func timeouts() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker("hangs", timeout: .seconds(30), outcomes: WorkerOutcomes(complete: 0, hang: 1), retries: 0))
        try harness.lambda.register(worker("slow", timeout: .seconds(30), duration: .seconds(45)))
        let output = try harness.run { lambda -> InvokeOutput in
            _ = try await lambda.invoke(InvokeInput(functionName: "hangs", invocationType: .event))
            return try await lambda.invoke(InvokeInput(functionName: "slow", invocationType: .requestResponse))
        }
        #expect(output.statusCode == 200)
        #expect(output.functionError == "Unhandled")
        #expect(try output.payloadJSON()?["errorType"] == "Sandbox.Timedout")
        #expect(try output.payloadJSON()?["errorMessage"]?.stringValue?.hasSuffix("Task timed out after 30.00 seconds") == true)
        let finished = try harness.events("worker.finished")
        #expect(Set(finished.compactMap { $0["function"]?.stringValue }) == ["hangs", "slow"])
        #expect(finished.map { $0["outcome"] } == ["timeout", "timeout"])
        #expect(finished.map(FakeServiceHarness.offset) == [30, 30])
        #expect(harness.lambda.statistics(of: "hangs")?.finished(.timeout) == 1)
    }

    @Test("a behaviour still running at the deadline is cancelled and the execution times out")
    func behaviourPastDeadline() throws {
        let harness = FakeServiceHarness()
        let clock = harness.clock
        let finishedWork = Recorder<String>()
        try harness.lambda.register(worker(timeout: .seconds(20), duration: .seconds(10), retries: 0, behaviour: WorkerClosure { invocation in
            try await clock.sleep(for: .seconds(15))
            finishedWork.append(invocation.requestID)
            return nil
        }))
        try harness.run { lambda in _ = try await lambda.invoke(event(["task_id": "t1"])) }
        let finished = try harness.events("worker.finished")
        #expect(finished.map { $0["outcome"] } == ["timeout"])
        #expect(finished.map(FakeServiceHarness.offset) == [20])
        #expect(finishedWork.all.isEmpty)
    }

    @Test("RequestResponse suspends for the execution and returns the behaviour's response; a thrown error is a function error")
    func synchronousInvoke() throws {
        struct Refused: Error {}
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker("echo", duration: .seconds(5), behaviour: WorkerClosure { invocation in
            ["echo": invocation.payload]
        }))
        try harness.lambda.register(worker("broken", duration: .seconds(5), behaviour: WorkerClosure { _ in throw Refused() }))
        let (ok, failed, elapsed) = try harness.run { lambda in
            let ok = try await lambda.invoke(
                InvokeInput(functionName: "echo", invocationType: .requestResponse, logType: .tail, payload: Array(#"{"a":1}"#.utf8)))
            let elapsed = harness.clock.currentTime() - FakeServiceHarness.start
            let failed = try await lambda.invoke(InvokeInput(functionName: "broken"))
            return (ok, failed, elapsed)
        }
        #expect(elapsed == .seconds(5))
        #expect(ok.statusCode == 200)
        #expect(ok.functionError == nil)
        #expect(ok.executedVersion == "$LATEST")
        #expect(try ok.payloadJSON() == ["echo": ["a": 1]])
        let tail = String(decoding: Data(base64Encoded: ok.logResult ?? "") ?? Data(), as: UTF8.self)
        #expect(tail.contains("REPORT RequestId: ") && tail.contains("Duration: 5000.00 ms"))
        #expect(failed.functionError == "Unhandled")
        #expect(try failed.payloadJSON()?["errorType"] == "Refused")
        #expect(try harness.events("worker.finished").map { $0["outcome"] } == ["complete", "fail"])
    }

    @Test("duplicate deliveries happen at the configured rate, with the original's request id")
    func duplicateDeliveries() throws {
        let harness = FakeServiceHarness(configuration: SimulatedLambdaConfiguration(duplicateDeliveryProbability: 0.2))
        try harness.lambda.register(worker(duration: .seconds(1)))
        try harness.run { lambda in
            for index in 0..<1000 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
        }
        let statistics = try #require(harness.lambda.statistics(of: "worker"))
        #expect((130...270).contains(statistics.duplicateDeliveries), "got \(statistics.duplicateDeliveries) of an expected 200")
        #expect(statistics.executionsStarted == 1000 + statistics.duplicateDeliveries)
        let started = try harness.events("worker.started")
        let originals = Set(started.filter { $0["duplicate"] == nil }.compactMap { $0["request_id"]?.stringValue })
        let duplicates = started.filter { $0["duplicate"] == true }
        #expect(duplicates.count == statistics.duplicateDeliveries)
        #expect(duplicates.allSatisfy { originals.contains($0["request_id"]!.stringValue!) })
        #expect(duplicates.allSatisfy { FakeServiceHarness.offset($0) >= 1 && FakeServiceHarness.offset($0) <= 60 })
    }

    @Test("outcome scope task: one outcome per task id, kept on every attempt and every invocation")
    func outcomeScopeTask() throws {
        func outcomesPerTask(_ scope: OutcomeScope) throws -> [String: Set<String>] {
            let harness = FakeServiceHarness(seed: 3)
            try harness.lambda.register(worker(duration: .seconds(1), outcomes: WorkerOutcomes(complete: 1, fail: 1), scope: scope))
            try harness.run { lambda in
                for round in 0..<2 {
                    for index in 0..<100 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)"), "round": .int(Int64(round))])) }
                }
            }
            var outcomes: [String: Set<String>] = [:]
            for finished in try harness.events("worker.finished") {
                outcomes[finished["task_id"]!.stringValue!, default: []].insert(finished["outcome"]!.stringValue!)
            }
            return outcomes
        }
        let perTask = try outcomesPerTask(.task)
        #expect(perTask.count == 100)
        #expect(perTask.values.allSatisfy { $0.count == 1 })
        #expect(perTask.values.contains(["fail"]) && perTask.values.contains(["complete"]))
        let perInvocation = try outcomesPerTask(.invocation)
        #expect(perInvocation.values.contains { $0.count == 2 }, "independent draws mix outcomes within a task")
    }

    @Test("empirical durations are drawn from the given samples")
    func empiricalDurations() throws {
        let harness = FakeServiceHarness()
        let samples: [Duration] = [.seconds(7), .seconds(11), .seconds(13)]
        try harness.lambda.register(
            SimulatedFunction(name: "worker", timeout: .seconds(60), worker: WorkerModel(duration: .empirical(samples))))
        try harness.run { lambda in
            for index in 0..<30 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
        }
        let durations = Set(try harness.events("worker.finished").compactMap { $0["duration"]?.doubleValue })
        #expect(durations == [7, 11, 13])
        #expect(throws: LambdaError.self) {
            try harness.lambda.register(SimulatedFunction(name: "empty", worker: WorkerModel(duration: .empirical([]))))
        }
    }

    @Test("GetFunctionConfiguration resolves names, partial ARNs and ARNs; unknown functions are 404")
    func functionConfiguration() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker())
        let (configurations, errors) = try harness.run { lambda -> ([FunctionConfiguration], [LambdaError]) in
            var configurations: [FunctionConfiguration] = []
            for name in ["worker", "000000000000:function:worker", "arn:aws:lambda:us-east-1:000000000000:function:worker", "worker:$LATEST"] {
                configurations.append(try await lambda.getFunctionConfiguration(GetFunctionConfigurationInput(functionName: name)))
            }
            var errors: [LambdaError] = []
            for input in [GetFunctionConfigurationInput(functionName: "nope"), GetFunctionConfigurationInput(functionName: "worker", qualifier: "prod"),
                          GetFunctionConfigurationInput(functionName: "arn:aws:lambda:eu-west-1:000000000000:function:worker")] {
                do { _ = try await lambda.getFunctionConfiguration(input) } catch let error as LambdaError { errors.append(error) }
            }
            return (configurations, errors)
        }
        #expect(configurations.allSatisfy { $0 == configurations[0] })
        let configuration = try #require(configurations.first)
        #expect(configuration.functionName == "worker")
        #expect(configuration.functionArn == "arn:aws:lambda:us-east-1:000000000000:function:worker")
        #expect(configuration.timeout == 900)
        #expect(configuration.memorySize == 512)
        #expect(configuration.lastModified == "2026-01-05T02:00:00.000+0000")
        #expect(configuration.version == "$LATEST")
        #expect(errors.map(\.code) == [.resourceNotFound, .resourceNotFound, .resourceNotFound])
        #expect(errors.map(\.httpStatus) == [404, 404, 404])
        #expect(errors.first?.message == "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope")
        #expect(errors.dropFirst().first?.message == "Function not found: arn:aws:lambda:us-east-1:000000000000:function:worker:prod")
    }

    @Test("Invoke refuses payloads that are not JSON or too large; DryRun answers 204 and runs nothing")
    func requestValidation() throws {
        let harness = FakeServiceHarness(configuration: SimulatedLambdaConfiguration(maximumAsyncPayloadBytes: 64))
        try harness.lambda.register(worker())
        let (errors, dryRun) = try harness.run { lambda -> ([LambdaError], Int) in
            var errors: [LambdaError] = []
            let inputs = [
                InvokeInput(functionName: "worker", invocationType: .event, payload: Array("not json".utf8)),
                InvokeInput(functionName: "worker", invocationType: .event, payload: Array(repeating: 32, count: 65)),
                InvokeInput(functionName: "missing", invocationType: .event),
            ]
            for input in inputs {
                do { _ = try await lambda.invoke(input) } catch let error as LambdaError { errors.append(error) }
            }
            let dryRun = try await lambda.invoke(InvokeInput(functionName: "worker", invocationType: .dryRun))
            return (errors, dryRun.statusCode)
        }
        #expect(errors.map(\.code) == [.invalidRequestContent, .requestTooLarge, .resourceNotFound])
        #expect(errors.map(\.httpStatus) == [400, 413, 404])
        #expect(errors[1].message.contains("64 bytes") && errors[1].message.contains("65 bytes"))
        #expect(dryRun == 204)
        #expect(try harness.events("worker.started").isEmpty)
    }

    @Test("cancelling the service loop ends running executions where they are and frees their concurrency")
    func cancellation() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker(duration: .seconds(600)))
        let lambda = harness.lambda
        let clock = harness.clock
        try harness.executor.run {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await lambda.run() }
                _ = try? await lambda.invoke(event(["task_id": "t1"]))
                try? await clock.sleep(for: .seconds(60))
                group.cancelAll()
            }
        }
        #expect(harness.executor.now == FakeServiceHarness.start + .seconds(60))
        #expect(try harness.events("worker.started").count == 1)
        #expect(try harness.events("worker.finished").isEmpty)
        #expect(harness.lambda.statistics(of: "worker")?.running == 0)
        #expect(harness.lambda.eventsInFlight == 1, "the interrupted event was neither completed nor dropped")
    }

    @Test("after shutdown, Event invokes are refused")
    func refusedAfterShutdown() throws {
        let harness = FakeServiceHarness()
        try harness.lambda.register(worker())
        let error = try harness.run { lambda -> LambdaError? in
            lambda.shutdown()
            do {
                _ = try await lambda.invoke(event(["task_id": "t1"]))
                return nil
            } catch let error as LambdaError {
                return error
            }
        }
        #expect(error?.code == .service)
        #expect(harness.lambda.statistics(of: "worker")?.asyncInvocations == 0)
    }

    @Test("the same seed gives the same event log; another seed another")
    func determinism() throws {
        func hash(_ seed: UInt64) throws -> String {
            let harness = FakeServiceHarness(
                seed: seed,
                configuration: SimulatedLambdaConfiguration(accountConcurrency: 5, duplicateDeliveryProbability: 0.1))
            try harness.lambda.register(
                SimulatedFunction(
                    name: "worker", timeout: .seconds(120),
                    worker: WorkerModel(
                        duration: .distribution(.lognormal(median: .seconds(30), p99: .seconds(150))),
                        outcomes: WorkerOutcomes(complete: 0.8, fail: 0.1, hang: 0.1))))
            try harness.run { lambda in
                for index in 0..<50 { _ = try await lambda.invoke(event(["task_id": .string("t\(index)")])) }
            }
            return harness.log.sha256
        }
        let first = try hash(7)
        #expect(try hash(7) == first)
        #expect(try hash(8) != first)
    }
}
