import SoswCore
import SoswSimulation
import Testing

@Suite("A scenario's essentials are wired from its config as production wires them")
struct ScenarioWiringTests {
    /// The quickstart scenario with its labourer's `arn` replaced.
    static func quickstart(arn: String) throws -> Scenario {
        var scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path("quickstart.yaml"))
        guard case .object(var config) = scenario.config, case .object(var tasks)? = config["task_config"],
            case .object(var labourers)? = tasks["labourers"], case .object(var labourer)? = labourers["hello_worker"]
        else {
            Issue.record("quickstart.yaml no longer configures task_config.labourers.hello_worker")
            return scenario
        }
        labourer["arn"] = .string(arn)
        labourers["hello_worker"] = .object(labourer)
        tasks["labourers"] = .object(labourers)
        config["task_config"] = .object(tasks)
        scenario.config = .object(config)
        return scenario
    }

    @Test(
        "a labourer named by its function's name, partial ARN or ARN, with or without a qualifier, runs alike",
        arguments: [
            "hello_worker", "hello_worker:$LATEST", "000000000000:function:hello_worker",
            "arn:aws:lambda:eu-west-1:123456789012:function:hello_worker:$LATEST",
        ])
    func everyFormOfFunctionNameRuns(arn: String) throws {
        let result = try ScenarioRun(Self.quickstart(arn: arn)).run(strict: true)
        #expect(result.configuration.labourerFunctions.map(\.function) == ["hello_worker"])
        #expect(result.configuration.taskManager.labourer(id: "hello_worker")?.arn == arn)
        #expect(result.figures.labourer("hello_worker")?.completed == 200)
        #expect(result.figures.function("hello_worker")?.executions == 200)
        #expect(result.passed, "\(result.expectations.filter { !$0.passed }.map(\.message))")
    }

    @Test("a labourer whose arn names no function is refused before the run, at its key path")
    func aBadARNIsRefused() throws {
        #expect {
            try ScenarioRun(Self.quickstart(arn: "arn:aws:sqs:us-west-2:000000000000:hello_worker")).run()
        } throws: { error in
            (error as? ScenarioError)?.keyPath == "config.task_config.labourers.hello_worker.arn"
        }
    }
}
