import SoswAWS
import Testing

@Suite struct LambdaRuntimeEnvironmentTests {
    @Test func readsWhatLambdaSets() throws {
        let environment = try LambdaRuntimeEnvironment([
            "AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001", "_HANDLER": "orchestrator",
            "AWS_LAMBDA_FUNCTION_NAME": "sosw_orchestrator", "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512", "AWS_REGION": "eu-west-1",
            "AWS_LAMBDA_LOG_STREAM_NAME": "2026/01/01/[$LATEST]abc", "PATH": "/usr/bin",
        ])
        #expect(environment.runtimeAPI.description == "http://127.0.0.1:9001/2018-06-01")
        #expect(environment == LambdaRuntimeEnvironment(
            runtimeAPI: AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 9001, basePath: "/2018-06-01"),
            handler: "orchestrator", functionName: "sosw_orchestrator", functionVersion: "$LATEST", memorySizeMB: 512,
            region: "eu-west-1", logStreamName: "2026/01/01/[$LATEST]abc"))
    }

    @Test func onlyTheRuntimeAPIIsRequiredAndEmptyMeansUnset() throws {
        let environment = try LambdaRuntimeEnvironment(["AWS_LAMBDA_RUNTIME_API": "localhost:8080", "_HANDLER": ""])
        #expect(environment.runtimeAPI.hostHeader == "localhost:8080")
        #expect(environment.handler == nil)
        #expect(environment.memorySizeMB == nil)
    }

    @Test func withoutTheRuntimeAPIItSaysThisRunsInsideLambdaAndHowToTestLocally() {
        for variables in [[:], ["AWS_LAMBDA_RUNTIME_API": ""]] {
            #expect(throws: LambdaRuntimeError.runtimeAPINotSet) { try LambdaRuntimeEnvironment(variables) }
        }
        let message = LambdaRuntimeError.runtimeAPINotSet.description
        #expect(message.contains("AWS_LAMBDA_RUNTIME_API is not set"))
        #expect(message.contains("provided.al2023"))
        #expect(message.contains("aws-lambda-rie"))
    }

    @Test func aRuntimeAPIThatIsNotHostAndPortIsRefusedWithTheValue() throws {
        for value in ["http://127.0.0.1:9001", "127.0.0.1:9001/2018-06-01", "127.0.0.1:port", ":9001"] {
            let error = try #require(throws: LambdaRuntimeError.self) {
                try LambdaRuntimeEnvironment(["AWS_LAMBDA_RUNTIME_API": value])
            }
            guard case .invalidVariable(let name, let reported, let expected) = error else {
                Issue.record("\(value): \(error)")
                continue
            }
            #expect(name == "AWS_LAMBDA_RUNTIME_API")
            #expect(reported == value)
            #expect(expected.hasPrefix("host:port"))
        }
    }

    @Test func aMemorySizeThatIsNotANumberIsRefused() {
        #expect(
            throws: LambdaRuntimeError.invalidVariable(
                name: "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", value: "512MB", expected: "a positive number of MB (e.g. 512)")
        ) {
            try LambdaRuntimeEnvironment(["AWS_LAMBDA_RUNTIME_API": "127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "512MB"])
        }
    }

    @Test func theLoopRefusesToStartOutsideLambdaBeforeInitialising() async {
        await #expect(throws: LambdaRuntimeError.runtimeAPINotSet) {
            try await LambdaRuntimeLoop.run(environment: ["AWS_REGION": "eu-west-1"], logger: RuntimeLog().logger) { _ in
                Issue.record("the handler was initialised outside Lambda")
                return { event, _ in event }
            }
        }
    }
}
