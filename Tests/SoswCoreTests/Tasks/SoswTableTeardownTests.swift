import SoswCore
import SoswSimulation
import Testing

/// `sosw tables delete`'s logic on the in-memory DynamoDB: open work guards the deletion unless forced.
@Suite struct SoswTableTeardownTests {
    static let names = ["sosw_tasks", "sosw_closed_tasks", "sosw_retry_tasks"]

    @Test("a task in the retry table refuses the whole teardown; --force deletes; missing tables are reported")
    func openWorkGuardsTheTeardown() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        try executor.run {
            let dynamo = InMemoryDynamoDB(clock: executor.clock, random: SeededRandom(seed: 1))
            let tables = SoswTableSchemas.createTableInputs(config: try TaskManagerConfig(document: [:]))
            for table in tables { _ = try await dynamo.createTable(table) }
            _ = try await dynamo.putItem(PutItemInput(
                tableName: "sosw_closed_tasks", item: ["task_id": .s("done"), "labourer_id": .s("w")]))
            _ = try await dynamo.putItem(PutItemInput(
                tableName: "sosw_retry_tasks", item: ["labourer_id": .s("w"), "task_id": .s("t"), "desired_launch_time": .n(1)]))
            let teardown = SoswTableTeardown(dynamoDB: dynamo)
            let openWork = ["sosw_tasks", "sosw_retry_tasks"]

            await #expect(throws: SoswTableTeardownError.openTasks("sosw_retry_tasks")) {
                try await teardown.delete(Self.names, openWork: openWork, force: false)
            }
            let left = try await dynamo.listTables(ListTablesInput()).tableNames
            #expect(Set(left) == Set(Self.names + ["config"]), "nothing was deleted")

            let forced = try await teardown.delete(Self.names, openWork: openWork, force: true)
            #expect(forced.deleted == Self.names)
            #expect(try await dynamo.listTables(ListTablesInput()).tableNames == ["config"])

            // A second teardown finds them gone; a closed table with rows never guarded it.
            let again = try await teardown.delete(Self.names, openWork: openWork, force: false)
            #expect(again.missing == Self.names)
            #expect(again.json.serialized() == #"{"deleted":[],"missing":["sosw_tasks","sosw_closed_tasks","sosw_retry_tasks"]}"#)
        }
    }

    @Test("the refusal says what to do and that nothing was deleted")
    func refusalMessage() {
        let text = "\(SoswTableTeardownError.openTasks("sosw_tasks"))"
        #expect(text.contains("table sosw_tasks still holds tasks"))
        #expect(text.contains("--force"))
        #expect(text.contains("nothing was deleted"))
    }
}
