import SoswCore
import SoswSimulation
import Testing

/// The Scavenger publishes its dead-task notices at the end of every run, also when part of the run failed.
@Suite struct ScavengerNoticeTests {
    @Test func noticesQueuedBeforeAFailedStageArePublishedAtTheEndOfTheRun() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let dead = try await ScavengerTests().invokedTasks(harness, attempts: [3, 3], labourer: "worker_a")
            let stuck = try await ScavengerTests().invokedTasks(harness, attempts: [1], labourer: "worker_b")
            // worker_b, scavenged after worker_a, cannot read its timeout: its expired stage fails.
            harness.lambda.fail("arn:aws:lambda:us-west-2:000000000000:function:worker_b")
            try await harness.advance(.seconds(1200))
            let (scavenger, clients) = try harness.scavenger()
            let report = await scavenger.run()
            #expect(report.failures.map { "\($0.labourerID) \($0.stage)" } == ["worker_b expired"])
            let published = clients.all.flatMap(\.messages)
            #expect(published.count == 1, "both notices in one publish")
            #expect(published.first?.subject == Notifier.deadTaskSubject)
            let notices = published.first?.message.components(separatedBy: Notifier.separator) ?? []
            #expect(notices.map { $0.hasPrefix("Closing dead task: ") } == [true, true])
            #expect(Set(dead.map(\.taskID)).allSatisfy { id in notices.contains { $0.contains(id) } })
            #expect(scavenger.notifier.queued == 0)
            #expect(try await harness.item(stuck[0].taskID, in: "sosw_tasks") != nil)
        }
    }
}
