import SoswCore

/// The live ``Lambda``, on the restJson1 protocol: `Invoke` is
/// `POST /2015-03-31/functions/{FunctionName}/invocations[?Qualifier=…]` with the invocation type, log type and
/// client context as `X-Amz-…` headers and the payload as the body; `GetFunctionConfiguration` is
/// `GET /2015-03-31/functions/{FunctionName}/configuration[?Qualifier=…]`.
///
/// Errors come as `x-amzn-ErrorType` and become the ``LambdaError`` values the simulated Lambda throws
/// (throttling with its `Reason`); codes the port does not model become an ``AWSServiceError``. A function
/// that failed is not an error here, as in the API: the output says so in ``InvokeOutput/functionError``.
public struct LambdaClient: Lambda, AWSServiceClient {
    public static let service = AWSService(serviceID: "Lambda", signingName: "lambda", wireProtocol: .restJson1)
    /// The API version in every path.
    public static let apiVersion = "2015-03-31"

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        guard let code = error.code.flatMap(LambdaError.Code.init(rawValue:)) else { return nil }
        let reason = (try? AWSJSONCodec.decode(ThrottleMembers.self, from: error.body))?.reason
        return LambdaError(
            code: code, message: error.message ?? "", reason: reason.flatMap(LambdaError.ThrottleReason.init(rawValue:)))
    }

    private struct ThrottleMembers: Decodable {
        var reason: String?

        enum CodingKeys: String, CodingKey {
            case reason = "Reason"
        }
    }

    public func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        let request = client.restRequest(
            "POST", path: Self.functionPath(input.functionName, "invocations"), query: ["Qualifier": input.qualifier],
            headers: [
                "X-Amz-Invocation-Type": input.invocationType?.rawValue,
                "X-Amz-Log-Type": input.logType?.rawValue,
                "X-Amz-Client-Context": input.clientContext,
            ],
            body: input.payload ?? [])
        let response = try await client.send(request, operation: "Invoke")
        return InvokeOutput(
            statusCode: response.status, functionError: response.header("X-Amz-Function-Error"),
            logResult: response.header("X-Amz-Log-Result"), payload: response.body.isEmpty ? nil : response.body,
            executedVersion: response.header("X-Amz-Executed-Version"))
    }

    public func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        let operation = "GetFunctionConfiguration"
        let request = client.restRequest(
            "GET", path: Self.functionPath(input.functionName, "configuration"), query: ["Qualifier": input.qualifier])
        let response = try await client.send(request, operation: operation)
        return try client.decodeJSON(FunctionConfiguration.self, from: response, operation: operation)
    }

    /// `/2015-03-31/functions/{FunctionName}/<resource>`, the name (or ARN) as one encoded segment.
    private static func functionPath(_ functionName: String, _ resource: String) -> String {
        "/\(apiVersion)/functions/\(AWSClient.uriLabel(functionName))/\(resource)"
    }
}
