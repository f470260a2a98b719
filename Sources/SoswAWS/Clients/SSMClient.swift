import SoswCore

/// The SSM Parameter Store reads sosw's configuration may come from, on awsJson1_1
/// (`X-Amz-Target: AmazonSSM.<Operation>`): parameter values as text, SecureStrings decrypted unless asked not
/// to. A parameter that does not exist is an ``SSMError`` naming it; other failures are ``AWSServiceError``.
public struct SSMClient: AWSServiceClient {
    public static let service = AWSService(
        serviceID: "SSM", signingName: "ssm", wireProtocol: .awsJson1_1(targetPrefix: "AmazonSSM"))
    /// The most names one `GetParameters` call takes.
    public static let maxNamesPerCall = 10

    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    public static func portError(_ error: AWSErrorResponse) -> (any Error)? {
        error.code.flatMap(SSMError.Code.init(rawValue:)).map { SSMError(code: $0, message: error.message ?? "") }
    }

    /// `GetParameter`: the value of one parameter (`name`, or `name:version`, or `name:label`).
    public func getParameter(name: String, withDecryption: Bool = true) async throws -> String {
        do {
            let input: JSONValue = ["Name": .string(name), "WithDecryption": .bool(withDecryption)]
            let output = try await client.jsonCall("GetParameter", input, as: GetParameterOutput.self)
            return output.parameter.value
        } catch var error as SSMError {
            error.parameterName = name
            throw error
        }
    }

    /// `GetParameters`: the values of several parameters, asked for ``maxNamesPerCall`` at a time; names that
    /// do not exist are listed, not thrown.
    public func getParameters(names: [String], withDecryption: Bool = true) async throws -> SSMParameters {
        var found = SSMParameters(values: [:], invalidNames: [])
        for start in stride(from: 0, to: names.count, by: Self.maxNamesPerCall) {
            let batch = Array(names[start..<min(start + Self.maxNamesPerCall, names.count)])
            let input: JSONValue = ["Names": .array(batch.map(JSONValue.string)), "WithDecryption": .bool(withDecryption)]
            let output = try await client.jsonCall("GetParameters", input, as: GetParametersOutput.self)
            for parameter in output.parameters { found.values[parameter.name] = parameter.value }
            found.invalidNames += output.invalidParameters ?? []
        }
        return found
    }

    /// How a parameter's value is kept: sosw's SSMConfig writes `String` unless told otherwise; `SecureString`
    /// encrypts it with the account's default SSM key (for documents holding credentials).
    public enum ParameterType: String, Sendable, CaseIterable {
        case string = "String"
        case secureString = "SecureString"
    }

    /// `PutParameter` with `Overwrite`, as sosw's SSMConfig `update_config` writes a document. Returns the
    /// parameter's new version.
    @discardableResult
    public func putParameter(name: String, value: String, type: ParameterType = .string) async throws -> Int {
        do {
            let input: JSONValue = [
                "Name": .string(name), "Value": .string(value), "Type": .string(type.rawValue), "Overwrite": true,
            ]
            return try await client.jsonCall("PutParameter", input, as: PutParameterOutput.self).version
        } catch var error as SSMError {
            error.parameterName = name
            throw error
        }
    }

    private struct PutParameterOutput: Decodable {
        var version: Int

        enum CodingKeys: String, CodingKey {
            case version = "Version"
        }
    }

    private struct Parameter: Decodable {
        var name: String
        var value: String

        enum CodingKeys: String, CodingKey {
            case name = "Name"
            case value = "Value"
        }
    }

    private struct GetParameterOutput: Decodable {
        var parameter: Parameter

        enum CodingKeys: String, CodingKey {
            case parameter = "Parameter"
        }
    }

    private struct GetParametersOutput: Decodable {
        var parameters: [Parameter]
        var invalidParameters: [String]?

        enum CodingKeys: String, CodingKey {
            case parameters = "Parameters"
            case invalidParameters = "InvalidParameters"
        }
    }
}
