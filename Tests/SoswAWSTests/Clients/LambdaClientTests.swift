import SoswAWS
import SoswCore
import Testing

/// The live Lambda client against a scripted transport: the restJson1 requests it sends and what the
/// service's answers become.
@Suite struct LambdaClientTests {
    static let workerARN = "arn:aws:lambda:us-east-1:123456789012:function:worker"

    @Test func anEventInvokeCarriesItsMembersInThePathQueryAndHeaders() async throws {
        let (client, transport) = ScriptedClient.make(LambdaClient.self, [
            .success(AWSHTTPResponse(status: 202, headers: [.init("x-amzn-RequestId", "R1")]))
        ])
        let output = try await client.invoke(InvokeInput(
            functionName: Self.workerARN, invocationType: .event, logType: .tail, clientContext: "eyJhIjoxfQ==",
            payload: Array(#"{"x": 1}"#.utf8), qualifier: "live"))
        #expect(output == InvokeOutput(statusCode: 202))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST",
            path: "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aworker/invocations",
            query: ["Qualifier=live"],
            headers: ["X-Amz-Invocation-Type: Event", "X-Amz-Log-Type: Tail", "X-Amz-Client-Context: eyJhIjoxfQ=="],
            body: #"{"x": 1}"#))
    }

    @Test func aBareInvokeSendsOnlyThePayload() async throws {
        let (client, transport) = ScriptedClient.make(LambdaClient.self, [ScriptedTransport.json(200, "{}")])
        _ = try await client.invoke(InvokeInput(functionName: "worker", payload: Array("{}".utf8)))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/2015-03-31/functions/worker/invocations", body: "{}"))
    }

    @Test func aSynchronousInvokeReturnsThePayloadAndTheResponseHeaders() async throws {
        let (client, _) = ScriptedClient.make(LambdaClient.self, [
            .success(AWSHTTPResponse(
                status: 200,
                headers: [
                    .init("X-Amz-Function-Error", "Unhandled"), .init("X-Amz-Log-Result", "U1RBUlQ="),
                    .init("X-Amz-Executed-Version", "7"),
                ],
                body: Array(#"{"errorMessage":"boom","errorType":"ValueError"}"#.utf8)))
        ])
        let output = try await client.invoke(InvokeInput(
            functionName: "worker", invocationType: .requestResponse, logType: .tail, payload: Array("{}".utf8)))
        #expect(output == InvokeOutput(
            statusCode: 200, functionError: "Unhandled", logResult: "U1RBUlQ=",
            payload: Array(#"{"errorMessage":"boom","errorType":"ValueError"}"#.utf8), executedVersion: "7"))
    }

    @Test func aDryRunAnswersNoContent() async throws {
        let (client, transport) = ScriptedClient.make(LambdaClient.self, [.success(AWSHTTPResponse(status: 204))])
        let output = try await client.invoke(InvokeInput(functionName: "worker", invocationType: .dryRun))
        #expect(output == InvokeOutput(statusCode: 204))
        #expect(ScriptedClient.onlyRequest(of: transport)?.headers == ["X-Amz-Invocation-Type: DryRun"])
    }

    @Test func getFunctionConfigurationIsAGetOfTheConfiguration() async throws {
        let (client, transport) = ScriptedClient.make(LambdaClient.self, [
            ScriptedTransport.json(200, """
                {"FunctionName":"worker","FunctionArn":"\(Self.workerARN):3","Runtime":"provided.al2023",\
                "Timeout":900,"MemorySize":512,"LastModified":"2026-01-05T02:00:00.000+0000","Version":"3",\
                "State":"Active","TracingConfig":{"Mode":"PassThrough"}}
                """)
        ])
        let configuration = try await client.getFunctionConfiguration(
            GetFunctionConfigurationInput(functionName: "worker", qualifier: "3"))
        #expect(configuration == FunctionConfiguration(
            functionName: "worker", functionArn: "\(Self.workerARN):3", runtime: "provided.al2023", timeout: 900,
            memorySize: 512, lastModified: "2026-01-05T02:00:00.000+0000", version: "3", state: "Active"))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "GET", path: "/2015-03-31/functions/worker/configuration", query: ["Qualifier=3"]))
    }

    @Test func throttlingBecomesTheLambdaErrorWithItsReason() async {
        let (client, _) = ScriptedClient.make(LambdaClient.self, [
            .success(AWSHTTPResponse(
                status: 429,
                headers: [.init("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.awsgirapi/")],
                body: Array(#"{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}"#.utf8)))
        ])
        let error = await thrownError { _ = try await client.invoke(InvokeInput(functionName: "worker")) }
        #expect(error as? LambdaError == .tooManyRequests(.reservedFunctionConcurrentInvocationLimitExceeded))
    }

    @Test func aMissingFunctionIsResourceNotFound() async {
        let (client, _) = ScriptedClient.make(LambdaClient.self, [
            .success(AWSHTTPResponse(
                status: 404, headers: [.init("x-amzn-ErrorType", "ResourceNotFoundException")],
                body: Array(#"{"Type":"User","Message":"Function not found: \#(Self.workerARN)"}"#.utf8)))
        ])
        let error = await thrownError {
            _ = try await client.getFunctionConfiguration(GetFunctionConfigurationInput(functionName: "worker"))
        }
        #expect(error as? LambdaError == .functionNotFound(Self.workerARN))
    }

    @Test func codesThePortDoesNotModelAreServiceErrors() async {
        let (client, _) = ScriptedClient.make(LambdaClient.self, [
            .success(AWSHTTPResponse(
                status: 502, headers: [.init("x-amzn-ErrorType", "KMSAccessDeniedException")],
                body: Array(#"{"Message":"KMS denied"}"#.utf8)))
        ])
        let error = await thrownError { _ = try await client.invoke(InvokeInput(functionName: "worker")) }
        #expect(error as? AWSServiceError == AWSServiceError(
            service: "Lambda", operation: "Invoke", status: 502, code: "KMSAccessDeniedException", message: "KMS denied",
            requestID: nil))
    }
}
