import Testing
@testable import SoswCore

@Suite struct ConfigMergeTests {
    /// sosw's recursive_update example.
    @Test func mappingsMergeRecursivelyAndScalarsAreReplaced() {
        let base: JSONValue = ["a": 42, "b": ["b1": 33, "b2": 44]]
        let overlay: JSONValue = ["a": 43, "b": ["b1": 22, "b3": 33]]
        #expect(base.deepMerged(with: overlay) == ["a": 43, "b": ["b1": 22, "b2": 44, "b3": 33]])
    }

    @Test func listsAreUnionedWithoutDuplicatesInAStableOrder() {
        let base: JSONValue = ["clients": ["Task", "Sns"], "pairs": [["a", 1]]]
        let overlay: JSONValue = ["clients": ["lambda", "Task"], "pairs": [["a", 1], ["b", 2]]]
        #expect(base.deepMerged(with: overlay) == ["clients": ["Task", "Sns", "lambda"], "pairs": [["a", 1], ["b", 2]]])
    }

    @Test func typeConflictsTakeTheOverlay() {
        #expect((["a": [1]] as JSONValue).deepMerged(with: ["a": ["x": 1]]) == ["a": ["x": 1]])
        #expect((["a": ["x": 1]] as JSONValue).deepMerged(with: ["a": 5]) == ["a": 5])
        #expect((["a": nil] as JSONValue).deepMerged(with: ["a": ["x": 1]]) == ["a": ["x": 1]])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): defaults are the lowest layer, then sosw_essential_config,
    /// <function>_config, custom.
    @Test func layersMergeDefaultsFirst() {
        let layers = ConfigLayers(
            defaults: SoswDefaults.scavenger,
            essential: ["retry_tasks_limit": 50, "sns_config": ["recipient": "arn:aws:sns:eu-west-1:123456789012:dead"]],
            function: ["retry_tasks_limit": 30],
            custom: ["sns_config": ["subject": "custom"]])
        #expect(layers.merged["retry_tasks_limit"] == 30)
        #expect(layers.merged["sns_config"] == ["recipient": "arn:aws:sns:eu-west-1:123456789012:dead", "subject": "custom"])
        #expect(ConfigLayers(defaults: SoswDefaults.scavenger, essential: ["retry_tasks_limit": 50]).merged["retry_tasks_limit"] == 50)
    }
}

@Suite struct TaskManagerConfigTests {
    /// sosw's test variables: labourers `some_function` (cap 10) and the integer key `1`.
    let essential: JSONValue = ["task_config": ["labourers": [
        "some_function": ["arn": "arn:aws:lambda:us-west-2:000000000000:function:some_function", "max_simultaneous_invocations": 10],
        "1": ["arn": "bar"],
    ]]]

    @Test func defaultsAndLabourersInIdOrder() throws {
        let config = try ConfigLayers(defaults: SoswDefaults.orchestrator, essential: essential).taskManagerConfig()
        #expect(config.tasksTable == "sosw_tasks")
        #expect(config.greenfieldIndex == "sosw_tasks_greenfield")
        #expect(config.closedTasksTable == "sosw_closed_tasks")
        #expect(config.closedTasksStatusIndex == "labourer_task_status_with_time")
        #expect(config.retryTasksTable == "sosw_retry_tasks")
        #expect(config.retryTasksIndex == "labourer_id_greenfield")
        #expect(config.greenfield == GreenfieldPolicy())
        #expect(config.maxClosedToAnalyseForDuration == 10)
        #expect(config.defaultMetricValues == MetricQuery.soswDefaults)
        #expect(config.labourers.map(\.id) == ["1", "some_function"])
        let some = try #require(config.labourer(id: "some_function"))
        #expect(some.maxSimultaneousInvocations == 10)
        #expect(some.maxAttempts == 3)
        #expect(some.duration == .seconds(900))
        #expect(some.cooldown == .seconds(300))
        #expect(some.retryDelay == .linear)
        #expect(config.labourer(id: "1")?.maxSimultaneousInvocations == 1)
        #expect(config.fieldName("greenfield") == "greenfield")
    }

    @Test func maxAttemptsFallbacks() throws {
        let function: JSONValue = ["max_attempts": 5, "max_attempts_1": 2]
        let config = try ConfigLayers(defaults: [:], essential: essential, function: function).taskManagerConfig()
        #expect(config.labourer(id: "1")?.maxAttempts == 2)
        #expect(config.labourer(id: "some_function")?.maxAttempts == 5)
        let own = try TaskManagerConfig(document: ["max_attempts_l": 2, "labourers": ["l": ["arn": "a", "max_attempts": 7]]])
        #expect(own.labourer(id: "l")?.maxAttempts == 7)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): per-labourer duration and cooldown (sosw crashed on these
    /// keys), and the retry policy.
    @Test func perLabourerDurationCooldownAndRetryPolicy() throws {
        let config = try TaskManagerConfig(document: ["labourers": ["l": [
            "arn": "a", "duration": 60, "cooldown": 30, "max_duration": 45,
            "retry_delay": ["policy": "exponential", "base": 30, "factor": 3, "cap": 600],
            "health_metrics": ["cpu": ["details": ["MetricName": "CPU"], "feelings": ["4": 25], "feeling_comparison_operator": "<="]],
        ]]])
        let labourer = try #require(config.labourer(id: "l"))
        #expect(labourer.duration == .seconds(60))
        #expect(labourer.cooldown == .seconds(30))
        #expect(labourer.maxDuration == .seconds(45))
        #expect(labourer.retryDelay == .exponential(base: .seconds(30), factor: 3, cap: .seconds(600)))
        #expect(labourer.healthMetrics.map(\.name) == ["cpu"])
        #expect(labourer.markers(start: UnixTime(seconds: 0), policy: config.greenfield).expired.rawValue == 31_557_600 - 90)
    }

    @Test func errorsNameTheKeyPathTheValueAndTheExpectation() {
        #expect(throws: ConfigError(path: "task_config.labourers.l.max_attempts", value: "many", expectation: "an integer >= 1")) {
            try TaskManagerConfig(document: ["labourers": ["l": ["arn": "a", "max_attempts": "many"]]])
        }
        #expect(throws: ConfigError(path: "task_config.labourers.l.arn", value: nil, expectation: "a string")) {
            try TaskManagerConfig(document: ["labourers": ["l": [:]]])
        }
        #expect(throws: ConfigError.self) {
            try TaskManagerConfig(document: ["labourers": ["l": ["arn": "a", "foo": 1]]])
        }
        #expect(throws: ConfigError.self) {
            try TaskManagerConfig(document: ["labourers": ["l": ["arn": "a", "retry_delay": ["policy": "exponential", "base": 10, "cap": 5]]]])
        }
        let message = ConfigError(path: "task_config.labourers.l.max_attempts", value: "many", expectation: "an integer >= 1").description
        #expect(message == #"config `task_config.labourers.l.max_attempts`: expected an integer >= 1, got "many""#)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): labourers at the top level of the essential config are
    /// reported, not silently ignored.
    @Test func labourersAtTheWrongLevelAreReported() {
        let layers = ConfigLayers(defaults: SoswDefaults.orchestrator, essential: ["labourers": ["l": ["arn": "a"]]])
        #expect(throws: ConfigError.self) { try layers.taskManagerConfig() }
    }
}

@Suite struct EssentialConfigTests {
    @Test func orchestratorCoefficientsFromJSON() throws {
        let config = try OrchestratorConfig(document: ["invocation_number_coefficient": ["3": 1]])
        #expect(config.coefficients[.good] == 1)
        #expect(config.coefficients[.moderate] == 0.5)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): the SNS region comes from configuration (or the recipient
    /// ARN), not a hard-coded us-west-2.
    @Test func scavengerSNSRegion() throws {
        let fromARN = try ScavengerConfig(document: ["sns_config": ["recipient": "arn:aws:sns:eu-central-1:123456789012:dead"]])
        #expect(fromARN.snsRegion == "eu-central-1")
        #expect(fromARN.snsSubject == "``sosw`` Info")
        #expect(fromARN.retryTasksLimit == 20)
        let explicit = try ScavengerConfig(document: ["sns_config": ["region": "ap-south-1"]])
        #expect(explicit.snsRegion == "ap-south-1")
        #expect(explicit.snsRecipient == "arn:aws:sns:us-west-2:000000000000:sosw_info")
        #expect(throws: ConfigError.self) { try ScavengerConfig(document: ["sns_config": ["recipient": "dead-topic"]]) }
    }

    @Test("sosw's S3 queue-file keys are refused, naming the key and the cursor continuation that replaced them",
          arguments: SchedulerConfig.retiredQueueFileKeys)
    func schedulerRefusesQueueFileKeys(key: String) {
        #expect {
            try SchedulerConfig(document: .object([key: "autotest-bucket"]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("config `\(key)`") && text.contains("continues from a cursor")
                && text.contains("got \"autotest-bucket\"")
        }
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): the Scheduler's default configuration is usable; the
    /// shipped `job_schema` example is honoured.
    @Test func schedulerDefaultsAndSchemas() throws {
        let defaults = try SchedulerConfig(document: [:])
        #expect(defaults.shutdownPeriod == .seconds(60))
        #expect(defaults.rowsToProcess == 50)
        #expect(defaults.taskOperationalOverheadForDDB == 0.03)
        #expect(!defaults.autoSpawning)
        #expect(try defaults.jobSchema(named: nil).chunkableAttributes.isEmpty)
        let example = try SchedulerConfig(document: ["job_schema": ["chunkable_attrs": [["topic", [:]], ["word", [:]]]],
                                                     "siblings_config": ["auto_spawning": true]])
        #expect(try example.jobSchema(named: nil).chunkableAttributes.map(\.plural) == ["topics", "words"])
        #expect(example.autoSpawning)
        #expect(throws: ConfigError.self) {
            try SchedulerConfig(document: ["job_schema_variants": ["wide": ["chunkable_attrs": [["items", [:]]]]]])
        }
    }
}
