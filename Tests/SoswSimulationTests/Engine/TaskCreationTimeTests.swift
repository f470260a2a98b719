import SoswCore
import SoswSimulation
import Testing

@Suite("When a run says a task was created")
struct TaskCreationTimeTests {
    @Test("each task.created carries the end of the batch write that stored it, not the end of the whole load")
    func createdWhenItsBatchWasWritten() throws {
        let result = try ScenarioRunTests.run("quickstart.yaml", keepsLines: true)
        let lines = try EventLogLines(result)
        let created = lines.events.filter { $0["event"] == "task.created" }
        let times = created.compactMap { $0["t"]?.doubleValue }
        let count = result.figures.tasks.count
        #expect(times.count == count && count > BatchWriter.maximumBatchSize)
        #expect(times == times.sorted())
        // One load entry of `count` tasks: one BatchWriteItem per 25, each finishing at its own time (two may
        // finish within the same millisecond of the log), and never more distinct times than batches.
        let batches = (count + BatchWriter.maximumBatchSize - 1) / BatchWriter.maximumBatchSize
        #expect(Set(times).count > batches / 2 && Set(times).count <= batches)

        var firstInvoked: [String: Double] = [:]
        for event in lines.events where event["event"] == "task.invoked" {
            guard let task = event["task_id"]?.stringValue, let time = event["t"]?.doubleValue else { continue }
            firstInvoked[task] = firstInvoked[task] ?? time
        }
        let firstInvocation = try #require(firstInvoked.values.min())
        let firstCreated = try #require(times.first)
        let lastCreated = try #require(times.last)
        // The first batch was usable (and used) before the last one was written.
        #expect(firstCreated < lastCreated)
        #expect(firstInvocation < lastCreated)
        for event in created {
            let task = try #require(event["task_id"]?.stringValue)
            let time = try #require(event["t"]?.doubleValue)
            #expect(time <= firstInvoked[task] ?? .infinity, "\(task) invoked before it was logged as created")
        }
    }
}
