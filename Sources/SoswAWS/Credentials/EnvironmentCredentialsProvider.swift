/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN`, as every
/// AWS SDK reads them. The environment is a parameter (the process passes `ProcessInfo…environment`), so
/// tests never touch the real one.
public struct EnvironmentCredentialsProvider: AWSCredentialsProvider {
    private let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Empty variables count as unset, as in the AWS SDKs: `export AWS_SESSION_TOKEN=` clears a token.
    public func credentials() throws(AWSConfigurationError) -> AWSCredentials {
        let accessKeyID = environment.nonEmpty("AWS_ACCESS_KEY_ID")
        let secretAccessKey = environment.nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (accessKeyID, secretAccessKey) {
        case (let accessKeyID?, let secretAccessKey?):
            return AWSCredentials(
                accessKeyID: accessKeyID, secretAccessKey: secretAccessKey,
                sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN"))
        case (nil, nil):
            throw .missingVariables(
                ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"], purpose: "credentials",
                hint: "set both to an access key pair (and AWS_SESSION_TOKEN for temporary credentials)")
        case (nil, _?):
            throw .missingVariables(
                ["AWS_ACCESS_KEY_ID"], purpose: "credentials",
                hint: "AWS_SECRET_ACCESS_KEY is set; set AWS_ACCESS_KEY_ID to the id of the same key pair")
        case (_?, nil):
            throw .missingVariables(
                ["AWS_SECRET_ACCESS_KEY"], purpose: "credentials",
                hint: "AWS_ACCESS_KEY_ID is set; set AWS_SECRET_ACCESS_KEY to the secret of the same key pair")
        }
    }
}
