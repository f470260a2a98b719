/// A `GetFunctionConfiguration` request.
public struct GetFunctionConfigurationInput: Sendable, Equatable, Codable {
    /// A name, a partial ARN or a full ARN.
    public var functionName: String
    /// A version or alias; `$LATEST` when absent.
    public var qualifier: String?

    public init(functionName: String, qualifier: String? = nil) {
        self.functionName = functionName
        self.qualifier = qualifier
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName"
        case qualifier = "Qualifier"
    }
}

/// The settings of a function version, as `GetFunctionConfiguration` returns them (the members sosw and the
/// simulator read; the service returns more).
public struct FunctionConfiguration: Sendable, Equatable, Codable {
    public var functionName: String
    public var functionArn: String
    public var runtime: String?
    public var handler: String?
    public var description: String?
    /// Seconds an execution may run before Lambda stops it (1...900): sosw's `max_duration` of a labourer.
    public var timeout: Int?
    /// Megabytes (128...10,240).
    public var memorySize: Int?
    /// ISO-8601 with milliseconds and a numeric offset, as the service writes it (`2026-01-05T02:00:00.000+0000`).
    public var lastModified: String?
    public var version: String?
    /// `Pending`, `Active`, `Inactive` or `Failed`.
    public var state: String?

    public init(
        functionName: String, functionArn: String, runtime: String? = nil, handler: String? = nil,
        description: String? = nil, timeout: Int? = nil, memorySize: Int? = nil, lastModified: String? = nil,
        version: String? = nil, state: String? = nil
    ) {
        self.functionName = functionName
        self.functionArn = functionArn
        self.runtime = runtime
        self.handler = handler
        self.description = description
        self.timeout = timeout
        self.memorySize = memorySize
        self.lastModified = lastModified
        self.version = version
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case functionName = "FunctionName"
        case functionArn = "FunctionArn"
        case runtime = "Runtime"
        case handler = "Handler"
        case description = "Description"
        case timeout = "Timeout"
        case memorySize = "MemorySize"
        case lastModified = "LastModified"
        case version = "Version"
        case state = "State"
    }
}
