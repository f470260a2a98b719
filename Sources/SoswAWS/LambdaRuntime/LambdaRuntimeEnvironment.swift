/// What Lambda tells a custom runtime through its environment, read from a dictionary the caller passes (the
/// process environment in `main`, a literal in tests), never from the process itself.
public struct LambdaRuntimeEnvironment: Sendable, Equatable {
    /// The Runtime API's version prefix, part of every path.
    public static let apiVersion = "2018-06-01"

    /// `http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01`.
    public var runtimeAPI: AWSEndpoint
    /// `_HANDLER`: the function's configured handler, which names what the runtime should run.
    public var handler: String?
    /// `AWS_LAMBDA_FUNCTION_NAME`.
    public var functionName: String?
    /// `AWS_LAMBDA_FUNCTION_VERSION` (`$LATEST` or a number).
    public var functionVersion: String?
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, in MB.
    public var memorySizeMB: Int?
    /// `AWS_REGION`.
    public var region: String?
    /// `AWS_LAMBDA_LOG_STREAM_NAME`: where this execution environment's logs go, which sosw records in its
    /// task metadata.
    public var logStreamName: String?

    public init(
        runtimeAPI: AWSEndpoint, handler: String? = nil, functionName: String? = nil, functionVersion: String? = nil,
        memorySizeMB: Int? = nil, region: String? = nil, logStreamName: String? = nil
    ) {
        self.runtimeAPI = runtimeAPI
        self.handler = handler
        self.functionName = functionName
        self.functionVersion = functionVersion
        self.memorySizeMB = memorySizeMB
        self.region = region
        self.logStreamName = logStreamName
    }

    /// Reads the variables; empty ones count as unset. `AWS_LAMBDA_RUNTIME_API` is required and must be a bare
    /// `host:port`, as Lambda sets it.
    public init(_ environment: [String: String]) throws(LambdaRuntimeError) {
        guard let address = environment.nonEmpty("AWS_LAMBDA_RUNTIME_API") else { throw .runtimeAPINotSet }
        self.init(
            runtimeAPI: try Self.runtimeAPIEndpoint(address: address),
            handler: environment.nonEmpty("_HANDLER"),
            functionName: environment.nonEmpty("AWS_LAMBDA_FUNCTION_NAME"),
            functionVersion: environment.nonEmpty("AWS_LAMBDA_FUNCTION_VERSION"),
            memorySizeMB: try Self.memorySize(environment.nonEmpty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")),
            region: environment.nonEmpty("AWS_REGION"),
            logStreamName: environment.nonEmpty("AWS_LAMBDA_LOG_STREAM_NAME"))
    }

    private static func runtimeAPIEndpoint(address: String) throws(LambdaRuntimeError) -> AWSEndpoint {
        let expected = "host:port with no scheme or path, as Lambda sets it (e.g. 127.0.0.1:9001)"
        guard !address.contains("/") else {
            throw .invalidVariable(name: "AWS_LAMBDA_RUNTIME_API", value: address, expected: expected)
        }
        do throws(AWSConfigurationError) {
            return try AWSEndpoint(url: "http://\(address)/\(apiVersion)", variable: "AWS_LAMBDA_RUNTIME_API")
        } catch .invalidEndpointURL(_, _, let problem) {
            throw .invalidVariable(name: "AWS_LAMBDA_RUNTIME_API", value: address, expected: "\(expected); \(problem)")
        } catch {
            throw .invalidVariable(name: "AWS_LAMBDA_RUNTIME_API", value: address, expected: expected)
        }
    }

    private static func memorySize(_ text: String?) throws(LambdaRuntimeError) -> Int? {
        guard let text else { return nil }
        guard let megabytes = Int(text), megabytes > 0 else {
            throw .invalidVariable(
                name: "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", value: text, expected: "a positive number of MB (e.g. 512)")
        }
        return megabytes
    }
}
