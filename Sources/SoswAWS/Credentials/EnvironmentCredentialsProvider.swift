/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and optionally `AWS_SESSION_TOKEN`, as every
/// AWS SDK reads them. The environment is a parameter (the process passes `ProcessInfo…environment`), so
/// tests never touch the real one.
public struct EnvironmentCredentialsProvider: AWSCredentialsProvider {
    static let source = "environment"
    private let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Empty variables count as unset, as in the AWS SDKs: `export AWS_SESSION_TOKEN=` clears a token. Neither
    /// key set means "not configured here" (a chain moves on); one without the other is a mistake to fix.
    public func credentials() throws(AWSCredentialsError) -> AWSCredentials {
        let accessKeyID = environment.nonEmpty("AWS_ACCESS_KEY_ID")
        let secretAccessKey = environment.nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (accessKeyID, secretAccessKey) {
        case (let accessKeyID?, let secretAccessKey?):
            return AWSCredentials(
                accessKeyID: accessKeyID, secretAccessKey: secretAccessKey,
                sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN"))
        case (nil, nil):
            throw .unavailable(source: Self.source, reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        case (nil, _?):
            throw .misconfigured(
                source: Self.source,
                .missingVariables(
                    ["AWS_ACCESS_KEY_ID"], purpose: "credentials",
                    hint: "AWS_SECRET_ACCESS_KEY is set; set AWS_ACCESS_KEY_ID to the id of the same key pair"))
        case (_?, nil):
            throw .misconfigured(
                source: Self.source,
                .missingVariables(
                    ["AWS_SECRET_ACCESS_KEY"], purpose: "credentials",
                    hint: "AWS_ACCESS_KEY_ID is set; set AWS_SECRET_ACCESS_KEY to the secret of the same key pair"))
        }
    }
}
