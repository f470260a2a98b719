/// An error of the SSM Parameter Store calls, with the parameter it concerns, so the message can say which one
/// to create or fix.
public struct SSMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Raw values are the codes the service sends.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        case parameterNotFound = "ParameterNotFound"
        case parameterVersionNotFound = "ParameterVersionNotFound"
        /// A SecureString's KMS key cannot be used to decrypt it.
        case invalidKeyId = "InvalidKeyId"
        case internalServerError = "InternalServerError"
    }

    public var code: Code
    public var message: String
    /// The name asked for, when the error concerns one parameter.
    public var parameterName: String?

    public init(code: Code, message: String, parameterName: String? = nil) {
        self.code = code
        self.message = message
        self.parameterName = parameterName
    }

    public var description: String {
        let name = parameterName.map { "'\($0)'" } ?? "(unnamed)"
        switch code {
        case .parameterNotFound:
            return "SSM parameter \(name) does not exist (\(message)). Check the name and the region (AWS_REGION), "
                + "or create it with `aws ssm put-parameter --name \(parameterName ?? "NAME") --type String --value …`."
        case .parameterVersionNotFound:
            return "SSM parameter \(name) has no such version (\(message)); ask for the name alone for the latest."
        case .invalidKeyId:
            return "SSM parameter \(name) cannot be decrypted: \(message). Check that the caller may use its KMS key."
        case .internalServerError:
            return "SSM failed on parameter \(name): \(message)"
        }
    }
}
