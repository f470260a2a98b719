import SoswCore
import SoswSimulation
import Testing

/// The AWS calls of a plain lifecycle (create → invoke → complete → archive), per task and by operation.
/// sosw 0.7.51 makes about 25 per task.
@Suite struct LifecycleCallCountTests {
    /// `oneJob`: the ten tasks come from one Scheduler job (one greenfield Query, one BatchWriteItem);
    /// otherwise from ten single-task jobs (a Query and a PutItem each, as sosw's create_task).
    @Test(arguments: [false, true])
    func callsPerTaskInAPlainRun(oneJob: Bool) throws {
        let figures = try simulate { executor in
            let harness = try await Harness(executor: executor)
            let taskCount = 10
            let scheduler = try Scheduler(
                config: try SchedulerConfig(document: [:]), taskManager: harness.taskManager,
                lambda: CountedLambda(harness.lambda, counter: harness.calls), clock: executor.clock,
                wallClock: executor.clock, random: harness.random, logger: harness.logs.logger)
            if oneJob {
                let scheduler = try Scheduler(
                    config: try SchedulerConfig(document: [
                        "job_schema_variants": ["default": ["chunkable_attrs": [["item", [:]]]]],
                    ]),
                    taskManager: harness.taskManager, lambda: CountedLambda(harness.lambda, counter: harness.calls),
                    clock: executor.clock, wallClock: executor.clock, random: harness.random, logger: harness.logs.logger)
                let report = try await scheduler.run(
                    event: ["lambda_name": "worker_a", "isolate_items": true, "items": .array((0..<taskCount).map { .int(Int64($0)) })],
                    deadline: executor.clock.now.advanced(by: .seconds(900)))
                #expect(report.written == taskCount)
            } else {
                for index in 0..<taskCount {
                    _ = try await scheduler.run(
                        event: ["lambda_name": "worker_a", "n": .int(Int64(index))],
                        deadline: executor.clock.now.advanced(by: .seconds(900)))
                }
            }
            let created = harness.calls.totalCalls
            let orchestrator = try harness.orchestrator()
            #expect(await orchestrator.run().invoked == taskCount)
            let worker = Worker(lambda: CountedLambda(harness.lambda, counter: harness.calls))
            for invocation in harness.lambda.invocations {
                try await worker.handle(event: invocation.payload) { _ in Worker.Report(stats: ["rows": 1]) }
            }
            let assistant = harness.workerAssistant()
            for report in harness.lambda.invocations where report.functionName == "sosw_worker_assistant" {
                #expect(try await assistant.handle(event: report.payload) == .recorded)
            }
            try await harness.advance(.seconds(60))
            let (scavenger, _) = try harness.scavenger()
            #expect(await scavenger.run().labourers.first { $0.labourerID == "worker_a" }?.archived == taskCount)
            #expect(try await harness.items(in: "sosw_closed_tasks").count == taskCount)
            return (harness.calls.snapshot(), created, taskCount)
        }
        let (operations, createdCalls, taskCount) = figures
        let total = operations.reduce(0) { $0 + $1.figures.calls }
        let perTask = Double(total) / Double(taskCount)
        let source = oneJob ? "one job" : "\(taskCount) jobs"
        var lines = ["AWS calls for \(taskCount) tasks from \(source) (create → invoke → complete → archive), \(createdCalls) to create:"]
        for (operation, counts) in operations {
            lines.append("  \(operation): \(counts.calls) calls (\(Double(counts.calls) / Double(taskCount)) per task), "
                + "\(counts.capacityUnits) capacity units")
        }
        lines.append("  total: \(total) calls, \(perTask) per task")
        print(lines.joined(separator: "\n"))
        #expect(perTask < 25, "sosw 0.7.51 makes about 25 AWS calls per task")
    }
}
