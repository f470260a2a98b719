/// Turns a profile of the shared files into the provider its settings describe, in the SDKs' order: a
/// `role_arn` (assumed with a web identity token, or through STS AssumeRole signed by its `source_profile` or
/// `credential_source`), else static keys (`aws_access_key_id`, `aws_secret_access_key`, `aws_session_token`),
/// else a `credential_process`. Source profiles chain, and a chain that comes back on itself is an error
/// naming the loop (a profile may name itself as its source only when it has keys, which are then the source).
struct ProfileCredentialsResolver {
    let config: AWSSharedConfig
    let context: CredentialProviderContext

    /// Profile settings a role can be assumed with, for messages.
    static let credentialSources = ["Environment", "EcsContainer", "Ec2InstanceMetadata"]
    /// What a profile with credentials has, for messages.
    static let credentialSettings = "aws_access_key_id and aws_secret_access_key, role_arn, or credential_process"

    /// The provider of the selected profile (`namedBy` is `AWS_PROFILE`, nil for the implicit `default`).
    /// Unavailable when the implicit `default` is in no file or a profile holds no credential settings (a
    /// chain then moves on, as the SDKs do); a profile that `AWS_PROFILE` names and no file has is an error.
    func provider(selected name: String, namedBy: String?) throws(AWSCredentialsError) -> any AWSCredentialsProvider {
        let source = "profile '\(name)'"
        guard let profile = config.profile(named: name) else {
            if let namedBy { throw .misconfigured(source: source, config.profileNotFound(name, namedBy: namedBy)) }
            let reason =
                config.filesFound.isEmpty
                ? "\(config.credentialsFile) and \(config.configFile) not found"
                : "no [\(name)] section in \(config.filesFound.joined(separator: " or "))"
            throw .unavailable(source: source, reason: reason)
        }
        return try provider(for: profile, referencedBy: [])
    }

    /// - Parameter referencedBy: the profiles whose `source_profile` led here, outermost first.
    private func provider(for profile: AWSProfile, referencedBy: [String]) throws(AWSCredentialsError)
        -> any AWSCredentialsProvider
    {
        let source = "profile '\(profile.name)'"
        if let roleARN = profile["role_arn"] {
            return try roleProvider(roleARN: roleARN, profile: profile, referencedBy: referencedBy)
        }
        if profile["web_identity_token_file"] != nil {
            throw invalid(
                "web_identity_token_file", in: profile, problem: "no role_arn says which role the token assumes",
                expected: "role_arn = arn:aws:iam::<account>:role/<name> next to it")
        }
        if let keys = try staticCredentials(of: profile) { return StaticCredentialsProvider(keys) }
        if let command = profile["credential_process"] { return CredentialProcessProvider(command: command, source: source) }
        if profile["sso_session"] != nil || profile["sso_start_url"] != nil {
            throw invalid(
                profile["sso_session"] != nil ? "sso_session" : "sso_start_url", in: profile,
                problem: "IAM Identity Center (SSO) profiles are not supported",
                expected: "keys, a role, or credential_process = aws configure export-credentials --profile "
                    + "\(profile.name) --format process")
        }
        throw .unavailable(source: source, reason: "\(profile.location) has no \(Self.credentialSettings)")
    }

    private func roleProvider(roleARN: String, profile: AWSProfile, referencedBy: [String]) throws(AWSCredentialsError)
        -> any AWSCredentialsProvider
    {
        let source = "profile '\(profile.name)'"
        let sessionName = profile["role_session_name"]
        let durationSeconds = try durationSeconds(of: profile)
        let sourceProfile = profile["source_profile"]
        let credentialSource = profile["credential_source"]
        if let tokenFile = profile["web_identity_token_file"], sourceProfile == nil, credentialSource == nil {
            return WebIdentityCredentialsProvider(
                tokenFile: tokenFile.expandingTilde(home: context.home), roleARN: roleARN, sessionName: sessionName,
                durationSeconds: durationSeconds, source: source, context: context)
        }
        let sourceCredentials: any AWSCredentialsProvider
        switch (sourceProfile, credentialSource) {
        case (let name?, nil):
            sourceCredentials = try provider(sourceProfile: name, of: profile, referencedBy: referencedBy)
        case (nil, let name?):
            sourceCredentials = try provider(credentialSource: name, of: profile)
        case (_?, _?):
            throw invalid(
                "role_arn", in: profile, problem: "both source_profile and credential_source are set",
                expected: "one of them")
        case (nil, nil):
            throw invalid(
                "role_arn", in: profile, problem: "nothing says what credentials assume the role",
                expected: "source_profile = <a profile>, credential_source = "
                    + Self.credentialSources.joined(separator: "|") + ", or web_identity_token_file = <path>")
        }
        return AssumeRoleCredentialsProvider(
            roleARN: roleARN, sessionName: sessionName, externalID: profile["external_id"],
            durationSeconds: durationSeconds, sourceCredentials: sourceCredentials, source: source, context: context)
    }

    /// A source profile's keys when it has them (even if it has a role too, as in the SDKs), else its own
    /// provider, following its chain.
    private func provider(sourceProfile name: String, of profile: AWSProfile, referencedBy: [String])
        throws(AWSCredentialsError) -> any AWSCredentialsProvider
    {
        let chain = referencedBy + [profile.name]
        if name == profile.name, let keys = try staticCredentials(of: profile) {
            return StaticCredentialsProvider(keys)
        }
        guard !chain.contains(name) else {
            throw invalid(
                "source_profile", in: profile,
                problem: "the profiles name each other in a loop: " + (chain + [name]).joined(separator: " → "),
                expected: "a chain that ends in a profile with keys, credential_source or credential_process")
        }
        guard let next = config.profile(named: name) else {
            throw .misconfigured(
                source: "profile '\(profile.name)'",
                config.profileNotFound(name, namedBy: "source_profile of profile '\(profile.name)'"))
        }
        if let keys = try staticCredentials(of: next) { return StaticCredentialsProvider(keys) }
        do throws(AWSCredentialsError) {
            return try provider(for: next, referencedBy: chain)
        } catch .unavailable {
            throw invalid(
                "source_profile", in: profile, problem: "profile '\(name)' has no credentials",
                expected: "a source profile with \(Self.credentialSettings)")
        }
    }

    /// `credential_source`: where the credentials that assume the role come from when the profile is used on
    /// a machine or in a container rather than with keys.
    private func provider(credentialSource name: String, of profile: AWSProfile) throws(AWSCredentialsError)
        -> any AWSCredentialsProvider
    {
        do throws(AWSCredentialsError) {
            switch name {
            case "Environment":
                return EnvironmentCredentialsProvider(environment: context.environment)
            case "EcsContainer":
                return try ContainerCredentialsProvider.fromEnvironment(
                    context.environment, transport: context.transport, clock: context.clock)
            case "Ec2InstanceMetadata":
                return try InstanceMetadataCredentialsProvider.fromEnvironment(
                    context.environment, transport: context.transport, clock: context.clock)
            default:
                throw invalid(
                    "credential_source", in: profile, problem: "'\(name)' is not a credential source",
                    expected: Self.credentialSources.joined(separator: ", "))
            }
        } catch .unavailable(_, let reason) {
            throw invalid(
                "credential_source", in: profile, problem: "\(name) is not available here: \(reason)",
                expected: "a credential source this machine has")
        }
    }

    /// The profile's keys; nil when it has neither; an error when it has one without the other. The values are
    /// never quoted.
    private func staticCredentials(of profile: AWSProfile) throws(AWSCredentialsError) -> AWSCredentials? {
        switch (profile["aws_access_key_id"], profile["aws_secret_access_key"]) {
        case (let accessKeyID?, let secretAccessKey?):
            return AWSCredentials(
                accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: profile["aws_session_token"])
        case (nil, nil):
            return nil
        case (_?, nil):
            throw invalid(
                "aws_access_key_id", in: profile, problem: "aws_secret_access_key is missing",
                expected: "both keys of the pair")
        case (nil, _?):
            throw invalid(
                "aws_secret_access_key", in: profile, problem: "aws_access_key_id is missing",
                expected: "both keys of the pair")
        }
    }

    /// STS accepts 900 s (15 minutes) to 43200 s (12 hours), capped by the role's maximum session.
    private func durationSeconds(of profile: AWSProfile) throws(AWSCredentialsError) -> Int? {
        guard let text = profile["duration_seconds"] else { return nil }
        guard let seconds = Int(text), (900...43_200).contains(seconds) else {
            throw invalid(
                "duration_seconds", in: profile, problem: "'\(text)' is not a number of seconds STS accepts",
                expected: "a whole number from 900 to 43200")
        }
        return seconds
    }

    private func invalid(_ setting: String, in profile: AWSProfile, problem: String, expected: String)
        -> AWSCredentialsError
    {
        .misconfigured(
            source: "profile '\(profile.name)'",
            .invalidSetting(setting: setting, location: profile.location, problem: problem, expected: expected))
    }
}
