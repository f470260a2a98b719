/// An error response read the way the SDKs read it, into what every client needs: the code, the message, who
/// is at fault and the request id. The body's own form decides how it is read, JSON (awsJson, restJson1) or
/// XML (awsQuery, and the front ends that answer even JSON services in XML, such as a rejected signature), so
/// the code is found whatever answered. The service-specific members (DynamoDB's `Item`, Lambda's `Reason`)
/// stay in ``body`` for the client that knows them.
///
/// The code comes from, in order: `x-amzn-query-error` (`Code;Sender`, sent by services that moved from
/// awsQuery to JSON, whose clients know the old codes), `x-amzn-ErrorType`, then the body.
public struct AWSErrorResponse: Sendable, Equatable {
    public var status: Int
    /// The short code (`ThrottlingException`, `NotFound`); nil when neither the headers nor the body carry one.
    public var code: String?
    public var message: String?
    /// `Sender` when the request was at fault, `Receiver` when the service was; nil when not said.
    public var fault: String?
    public var requestID: String?
    public var body: [UInt8]

    public init(
        status: Int, code: String?, message: String?, fault: String? = nil, requestID: String? = nil,
        body: [UInt8] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.fault = fault
        self.requestID = requestID
        self.body = body
    }

    public init(_ response: AWSHTTPResponse) {
        let fields = Self.fields(ofBody: response.body)
        var code = fields.code
        var fault = fields.fault
        if let header = response.header("x-amzn-ErrorType"), !header.isEmpty {
            code = Self.shortCode(header)
        }
        if let queryError = response.header("x-amzn-query-error") {
            let parts = queryError.split(separator: ";", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty {
                code = String(parts[0])
                fault = String(parts[1])
            }
        }
        self.init(
            status: response.status, code: code, message: fields.message, fault: fault,
            requestID: response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id") ?? fields.requestID,
            body: response.body)
    }

    /// The members an error body carries in either form.
    struct BodyFields {
        var code: String?
        var message: String?
        var fault: String?
        var requestID: String?
    }

    private static func fields(ofBody body: [UInt8]) -> BodyFields {
        switch body.first(where: { !$0.isASCIIWhitespace }) {
        case UInt8(ascii: "{"): jsonFields(of: body)
        case UInt8(ascii: "<"): xmlFields(of: body)
        default: BodyFields()
        }
    }

    /// `com.amazonaws.dynamodb.v20120810#ThrottlingException` → `ThrottlingException`;
    /// `ResourceNotFoundException:http://internal.amazon.com/coral/…` → `ResourceNotFoundException`: what
    /// comes before `#` is a namespace and what follows `:` a URL, neither part of the code.
    public static func shortCode(_ type: String) -> String {
        let afterNamespace = type.split(separator: "#", omittingEmptySubsequences: false).last ?? Substring(type)
        return String(afterNamespace.prefix { $0 != ":" })
    }
}

extension UInt8 {
    fileprivate var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D
    }
}
