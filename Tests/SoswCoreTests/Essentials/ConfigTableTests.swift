import SoswCore
import SoswSimulation
import Testing

@Suite struct ConfigTableTests {
    @Test func essentialConfigIsReadFromTheConfigTableAndMergedInOrder() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let table = ConfigTable(dynamoDB: harness.db)
            try await table.store(["task_config": ["labourers": testLabourers, "max_attempts": 5], "retry_tasks_limit": 7],
                                  named: "sosw_essential_config")
            try await table.store(["retry_tasks_limit": 9, "task_config": ["labourers": ["worker_a": ["max_attempts": 2]]]],
                                  named: "sosw_scavenger_config")
            // A value written by Python's update_config that is not JSON comes back as the string.
            _ = try await harness.dynamo.putItem(PutItemInput(tableName: "config", item: [
                "env": "production", "config_name": "plain", "config_value": "not json",
            ]))
            #expect(try await table.document(named: "plain") == "not json")
            #expect(try await table.document(named: "missing") == [:])

            let layers = try await table.layers(functionName: "sosw_scavenger", defaults: SoswDefaults.scavenger)
            let scavenger = try ScavengerConfig(document: layers.merged)
            #expect(scavenger.retryTasksLimit == 9)
            let tasks = try layers.taskManagerConfig()
            #expect(tasks.labourer(id: "worker_a")?.maxAttempts == 2)
            #expect(tasks.labourer(id: "worker_b")?.maxAttempts == 5)
        }
    }
}
