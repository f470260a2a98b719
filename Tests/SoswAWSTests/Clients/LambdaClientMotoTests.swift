import SoswAWS
import SoswCore
import Testing

/// The live Lambda client against moto's server: the three invocation types and the configuration read back.
@Suite("LambdaClient against moto", .enabled(if: MotoServer.isConfigured, "needs SOSW_MOTO_ENDPOINT"))
struct LambdaClientMotoTests {
    @Test func invokesInEachWayAndReadsTheConfiguration() async throws {
        let function = try await MotoServer.createFunction(timeout: 42)
        let lambda = try MotoServer.client(LambdaClient.self)
        let payload = Array(#"{"task_id": "t-1", "labourer_id": "worker"}"#.utf8)

        let synchronous = try await lambda.invoke(InvokeInput(
            functionName: function.functionName, invocationType: .requestResponse, payload: payload))
        #expect(synchronous.statusCode == 200)
        #expect(synchronous.functionError == nil)
        #expect(synchronous.payload == payload)

        let event = try await lambda.invoke(InvokeInput(
            functionName: function.functionArn, invocationType: .event, payload: payload))
        #expect(event.statusCode == 202)

        let dryRun = try await lambda.invoke(InvokeInput(functionName: function.functionName, invocationType: .dryRun))
        #expect(dryRun.statusCode == 204)

        let configuration = try await lambda.getFunctionConfiguration(
            GetFunctionConfigurationInput(functionName: function.functionName))
        #expect(configuration.functionArn == "arn:aws:lambda:\(MotoServer.region):\(MotoServer.accountID):function:\(function.functionName)")
        #expect(configuration.timeout == 42)
        #expect(configuration.runtime == "python3.12")
    }

    @Test func aMissingFunctionIsResourceNotFound() async throws {
        let lambda = try MotoServer.client(LambdaClient.self)
        let name = MotoServer.uniqueName("sosw-test-missing")
        let error = await thrownError {
            _ = try await lambda.getFunctionConfiguration(GetFunctionConfigurationInput(functionName: name))
        }
        #expect(error as? LambdaError == .functionNotFound(
            "arn:aws:lambda:\(MotoServer.region):\(MotoServer.accountID):function:\(name)"))
    }
}
