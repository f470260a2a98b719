/// An Amazon Resource Name, `arn:<partition>:<service>:<region>:<account>:<resource>`: how sosw's
/// configuration names the labourers' functions and the Scavenger's SNS topic.
///
/// The resource keeps any `:` and `/` it contains (`function:my-function:live`, `table/sosw_tasks`). Region
/// and account may be empty, as they are in the ARNs of global services (S3 buckets, IAM roles).
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    public var partition: String
    public var service: String
    public var region: String
    public var account: String
    public var resource: String

    public init(partition: String = "aws", service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `arn:<partition>:<service>:<region>:<account>:<resource>`; partition, service and resource
    /// must not be empty.
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty else {
            throw ParseError(text: text, expectation: ARN.shape)
        }
        self.init(
            partition: String(parts[1]), service: String(parts[2]), region: String(parts[3]), account: String(parts[4]),
            resource: String(parts[5]))
    }

    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }

    static let shape = "an ARN (arn:partition:service:region:account:resource, e.g. arn:aws:sns:us-west-2:123456789012:sosw_info)"

    // MARK: SNS

    static let topicShape = "an SNS topic ARN (arn:aws:sns:region:account:topic-name, e.g. arn:aws:sns:us-west-2:123456789012:sosw_info)"

    /// An SNS topic's ARN: service `sns`, a region, an account and a topic name without `:` or `/`. The
    /// region is where the topic must be published to.
    public static func snsTopic(_ text: String) throws(ParseError) -> ARN {
        guard let arn = try? ARN(parsing: text), arn.service == "sns", !arn.region.isEmpty, !arn.account.isEmpty,
            !arn.resource.contains(":"), !arn.resource.contains("/")
        else {
            throw ParseError(text: text, expectation: topicShape)
        }
        return arn
    }

    // MARK: Lambda

    static let functionShape = "a Lambda function name (my-function), partial ARN (123456789012:function:my-function) "
        + "or ARN (arn:aws:lambda:us-west-2:123456789012:function:my-function), each optionally followed by :qualifier"

    /// The name of the function a Lambda `FunctionName` refers to, whichever of its forms it takes (see
    /// ``LambdaFunctionReference``): `arn:aws:lambda:us-west-2:123456789012:function:resize:live` → `resize`.
    public static func lambdaFunctionName(_ reference: String) throws(ParseError) -> String {
        try LambdaFunctionReference(parsing: reference).name
    }

    /// What a Lambda `FunctionName` (of Invoke, GetFunctionConfiguration, or a labourer's `arn`) refers to.
    ///
    /// Lambda accepts a function name (`my-function`), a partial ARN (`123456789012:function:my-function`)
    /// and a full ARN (`arn:aws:lambda:us-west-2:123456789012:function:my-function`), each optionally followed
    /// by `:<version or alias>`. sosw's own trimming took the part after the last `:` of a short reference,
    /// so `my-function:live` named a function `live`; here it names `my-function`, as it does for Lambda.
    public struct LambdaFunctionReference: Sendable, Hashable {
        public var name: String
        /// The version or alias after the name; empty when the reference ends with a bare `:`.
        public var qualifier: String?
        /// The account of a partial or full ARN.
        public var account: String?
        /// The region of a full ARN.
        public var region: String?
        /// The partition of a full ARN.
        public var partition: String?

        public init(name: String, qualifier: String? = nil, account: String? = nil, region: String? = nil, partition: String? = nil) {
            self.name = name
            self.qualifier = qualifier
            self.account = account
            self.region = region
            self.partition = partition
        }

        public init(parsing reference: String) throws(ParseError) {
            let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
            func part(_ index: Int) -> String? { index < parts.count ? String(parts[index]) : nil }
            switch parts.count {
            case 1, 2:
                self.init(name: String(parts[0]), qualifier: part(1))
            case 3 where parts[1] == "function", 4 where parts[1] == "function":
                self.init(name: String(parts[2]), qualifier: part(3), account: String(parts[0]))
            case 7 where parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function",
                8 where parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function":
                self.init(
                    name: String(parts[6]), qualifier: part(7), account: String(parts[4]), region: String(parts[3]),
                    partition: String(parts[1]))
            default:
                throw ParseError(text: reference, expectation: ARN.functionShape)
            }
            guard !name.isEmpty else { throw ParseError(text: reference, expectation: ARN.functionShape) }
        }
    }

    // MARK: Errors

    /// A text that is not the ARN (or function reference) it should be: the text and the accepted shape.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: String
        /// The accepted shape, with an example.
        public var expectation: String

        public init(text: String, expectation: String) {
            self.text = text
            self.expectation = expectation
        }

        public var description: String {
            "'\(text)' is not \(expectation)"
        }
    }
}
