/// The region requests are signed for and, unless an endpoint URL is configured, sent to.
public enum AWSRegion {
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION` (the AWS CLI's older name), as the SDKs read them; empty
    /// values count as unset.
    public static func fromEnvironment(_ environment: [String: String]) throws(AWSConfigurationError) -> String {
        if let region = fromVariables(environment) { return region }
        throw .missingVariables(
            ["AWS_REGION", "AWS_DEFAULT_REGION"], purpose: "region",
            hint: "set AWS_REGION to the region of your tables and functions, e.g. AWS_REGION=us-east-1")
    }

    /// The SDKs' order: `AWS_REGION`, `AWS_DEFAULT_REGION`, then the `region` of the selected profile
    /// (`AWS_PROFILE`, else `default`) in the shared files. A profile that `AWS_PROFILE` names and no file has
    /// is an error even when a variable gives the region, because the credentials would come from it too.
    public static func resolve(environment: [String: String], sharedConfig: AWSSharedConfig) throws(AWSConfigurationError)
        -> String
    {
        let (name, namedBy) = AWSSharedConfig.selectedProfile(environment: environment)
        let profile = sharedConfig.profile(named: name)
        if let namedBy, profile == nil { throw sharedConfig.profileNotFound(name, namedBy: namedBy) }
        if let region = fromVariables(environment) ?? profile?["region"] { return region }
        throw .missingVariables(
            ["AWS_REGION", "AWS_DEFAULT_REGION"], purpose: "region",
            hint: "set AWS_REGION to the region of your tables and functions, e.g. AWS_REGION=us-east-1, or add "
                + "`region = us-east-1` to profile '\(name)' in \(sharedConfig.configFile)")
    }

    private static func fromVariables(_ environment: [String: String]) -> String? {
        environment.nonEmpty("AWS_REGION") ?? environment.nonEmpty("AWS_DEFAULT_REGION")
    }
}
