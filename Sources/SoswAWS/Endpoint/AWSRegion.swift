/// The region requests are signed for and, unless an endpoint URL is configured, sent to.
public enum AWSRegion {
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION` (the AWS CLI's older name), as the SDKs read them; empty
    /// values count as unset.
    public static func fromEnvironment(_ environment: [String: String]) throws(AWSConfigurationError) -> String {
        if let region = environment.nonEmpty("AWS_REGION") ?? environment.nonEmpty("AWS_DEFAULT_REGION") {
            return region
        }
        throw .missingVariables(
            ["AWS_REGION", "AWS_DEFAULT_REGION"], purpose: "region",
            hint: "set AWS_REGION to the region of your tables and functions, e.g. AWS_REGION=us-east-1")
    }
}
