import SoswCore
import SoswSimulation
import Testing

@Suite("SoswConfiguration: every essential's settings read once from sosw's documents")
struct SoswConfigurationTests {
    @Test("sosw_essential_config, then <function>_config, then custom settings; each essential under its defaults")
    func documentsAreLayeredInOrder() throws {
        let configuration = try SoswConfiguration(
            essential: [
                "task_config": ["labourers": testLabourers, "max_attempts": 5], "retry_tasks_limit": 7,
                "invocation_number_coefficient": ["3": 0.5], "rows_to_process": 20,
            ],
            function: ["retry_tasks_limit": 9, "task_config": ["labourers": ["worker_a": ["max_attempts": 2]]]],
            custom: ["retry_tasks_limit": 11, "sns_config": ["recipient": "arn:aws:sns:eu-west-1:123456789012:dead"]])
        #expect(configuration.taskManager.labourer(id: "worker_a")?.maxAttempts == 2)
        #expect(configuration.taskManager.labourer(id: "worker_b")?.maxAttempts == 5)
        #expect(configuration.orchestrator.coefficients[.good] == 0.5)
        #expect(configuration.orchestrator.coefficients[.high] == 1, "sosw's default coefficient for high")
        #expect(configuration.scavenger.retryTasksLimit == 11)
        #expect(configuration.scavenger.snsRegion == "eu-west-1")
        #expect(configuration.scheduler.rowsToProcess == 20)
        #expect(configuration.scheduler.shutdownPeriod == .seconds(60), "sosw's default shutdown period")
    }

    @Test("no documents give sosw's defaults and no labourers")
    func defaults() throws {
        let configuration = try SoswConfiguration()
        #expect(configuration.taskManager.tasksTable == "sosw_tasks")
        #expect(configuration.taskManager.labourers.isEmpty)
        #expect(configuration.labourerFunctions.isEmpty)
        #expect(configuration.scavenger.snsRecipient == "arn:aws:sns:us-west-2:000000000000:sosw_info")
        #expect(configuration.scavenger.snsRegion == "us-west-2")
        #expect(configuration.scheduler.rowsToProcess == 50)
    }

    @Test("each labourer's function is the one its arn refers to, in id order, whatever form the arn takes")
    func labourerFunctions() throws {
        let configuration = try SoswConfiguration(custom: [
            "task_config": [
                "labourers": [
                    "c_full": ["arn": "arn:aws:lambda:eu-west-1:123456789012:function:crawl:live"],
                    "a_name": ["arn": "hello"],
                    "b_partial": ["arn": "123456789012:function:resize"],
                ],
            ],
        ])
        #expect(configuration.labourerFunctions.map(\.id) == ["a_name", "b_partial", "c_full"])
        #expect(configuration.labourerFunctions.map(\.function) == ["hello", "resize", "crawl"])
    }

    @Test("an arn that names no Lambda function is refused at its key path, with the forms accepted")
    func refusesABadLabourerARN() {
        let document: JSONValue = ["task_config": ["labourers": ["crawler": ["arn": "arn:aws:sqs:eu-west-1:1:queue"]]]]
        #expect {
            try SoswConfiguration(custom: document)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.path == "task_config.labourers.crawler.arn" && error.value == "arn:aws:sqs:eu-west-1:1:queue"
                && error.expectation.hasPrefix("a Lambda function name (my-function), partial ARN")
        }
    }

    @Test("the first setting an essential cannot use is reported with its key path")
    func reportsTheFirstBadSetting() {
        #expect(throws: ConfigError(path: "retry_tasks_limit", value: 0, expectation: "an integer >= 1")) {
            try SoswConfiguration(essential: ["retry_tasks_limit": 0])
        }
        #expect {
            try SoswConfiguration(custom: ["sns_config": ["recipient": "sosw_dead", "region": "eu-west-1"]])
        } throws: { error in
            (error as? ConfigError)?.path == "sns_config.recipient"
        }
    }

    @Test("a deployed essential reads sosw_essential_config and its own <function>_config from the config table")
    func readsTheConfigTable() throws {
        try simulate { executor in
            let harness = try await Harness(executor: executor)
            let table = ConfigTable(dynamoDB: harness.db)
            try await table.store(["task_config": ["labourers": testLabourers], "retry_tasks_limit": 7], named: "sosw_essential_config")
            try await table.store(["retry_tasks_limit": 9], named: "sosw_scavenger_config")
            try await table.store(["retry_tasks_limit": 3], named: "sosw_orchestrator_config")
            let scavenger = try await SoswConfiguration(table: table, functionName: "sosw_scavenger")
            #expect(scavenger.scavenger.retryTasksLimit == 9)
            #expect(scavenger.labourerFunctions.map(\.function) == ["worker_a", "worker_b"])
            let scheduler = try await SoswConfiguration(table: table, functionName: "sosw_scheduler", custom: ["retry_tasks_limit": 4])
            #expect(scheduler.scavenger.retryTasksLimit == 4)
            let unconfigured = try await SoswConfiguration(table: ConfigTable(dynamoDB: harness.db, env: "staging"), functionName: "sosw_scavenger")
            #expect(unconfigured.scavenger.retryTasksLimit == 20, "missing documents count as {}")
        }
    }
}
