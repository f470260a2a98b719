import Foundation

/// The JSON body Lambda expects on `/invocation/{id}/error` and `/init/error`:
/// `{"errorMessage": …, "errorType": …, "stackTrace": []}`. Lambda hands it to the invoker as the function's
/// error (a synchronous `Invoke` returns it as the payload, with `X-Amz-Function-Error: Unhandled`).
public struct LambdaErrorDocument: Codable, Sendable, Equatable {
    public var errorMessage: String
    /// Also sent as the `Lambda-Runtime-Function-Error-Type` header, so Lambda's metrics and logs show it.
    public var errorType: String
    /// Swift errors carry no stack trace; kept because the field is part of the document.
    public var stackTrace: [String]

    public init(errorMessage: String, errorType: String, stackTrace: [String] = []) {
        self.errorMessage = errorMessage
        self.errorType = errorType
        self.stackTrace = stackTrace
    }

    /// A thrown error as the invoker sees it: its type's name, and its description as the message.
    public init(describing error: any Error) {
        self.init(errorMessage: String(describing: error), errorType: String(describing: type(of: error)))
    }

    /// The error type Lambda itself reports when a function's response exceeds the payload limit.
    public static let responseTooLargeType = "Function.ResponseSizeTooLarge"
    /// The error type of an invocation whose Runtime API headers could not be read.
    public static let invalidInvocationType = "Runtime.InvalidInvocation"

    /// The body as sent: keys sorted, which is the order Lambda's own runtimes write them in.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
