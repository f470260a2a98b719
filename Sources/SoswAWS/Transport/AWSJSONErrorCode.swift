import Foundation

/// The error code of an AWS JSON (awsJson1_0/1_1, restJson1) error response, read the way the SDKs read it:
/// the `x-amzn-ErrorType` header first, then `__type` (or `code`) in the body; anything up to `#` (a
/// namespace) and from `:` (a URL the header may carry) is not part of the code.
public enum AWSJSONErrorCode {
    public static func code(in response: AWSHTTPResponse) -> String? {
        if let header = response.header("x-amzn-ErrorType"), !header.isEmpty {
            return shortName(header)
        }
        guard response.body.first == UInt8(ascii: "{"),
            let body = try? JSONDecoder().decode(TypeFields.self, from: Data(response.body))
        else { return nil }
        return (body.type ?? body.code).map(shortName)
    }

    /// `com.amazonaws.dynamodb.v20120810#ThrottlingException` → `ThrottlingException`;
    /// `ThrottlingException:http://internal.amazon.com/…` → `ThrottlingException`.
    public static func shortName(_ type: String) -> String {
        let afterNamespace = type.split(separator: "#", omittingEmptySubsequences: false).last ?? Substring(type)
        return String(afterNamespace.prefix { $0 != ":" })
    }

    private struct TypeFields: Decodable {
        var type: String?
        var code: String?

        enum CodingKeys: String, CodingKey {
            case type = "__type"
            case code
        }
    }
}
