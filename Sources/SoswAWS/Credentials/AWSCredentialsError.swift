import Foundation

/// Why a source gave no credentials, in words a person can act on. Built only from names, paths, URLs without
/// secrets, statuses and our own explanations; text from elsewhere (an STS error, a transport failure) has the
/// secrets the provider knows (tokens, the container path) replaced by `<redacted>` before it gets here. So it
/// can be printed and logged whole.
public enum AWSCredentialsError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The source has nothing configured here (its variable is unset, its file absent, no role attached to the
    /// instance): a chain moves on to the next source.
    case unavailable(source: String, reason: String)
    /// The source is configured, but wrongly: a chain stops here rather than quietly use other credentials.
    case misconfigured(source: String, AWSConfigurationError)
    /// The source is configured and was asked, but gave no credentials (refused, unreachable, or an answer that
    /// is not credentials).
    case failed(source: String, reason: String)
    /// No source of a chain had anything configured: each one's ``unavailable(source:reason:)``, in the order
    /// tried.
    case noCredentials(tried: [AWSCredentialsError])

    /// The source named in the message (`environment`, `profile 'dev'`, `container`…); nil for a whole chain.
    public var source: String? {
        switch self {
        case .unavailable(let source, _), .misconfigured(let source, _), .failed(let source, _): source
        case .noCredentials: nil
        }
    }

    /// Whether a chain may try the next source after this error.
    public var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .unavailable(let source, let reason):
            "No AWS credentials from \(source): \(reason)."
        case .misconfigured(let source, let error):
            "AWS credentials from \(source) are misconfigured: \(error)"
        case .failed(let source, let reason):
            "AWS credentials from \(source) failed: \(reason)"
        case .noCredentials(let tried):
            "No AWS credentials: "
                + tried.map { error in
                    guard case .unavailable(let source, let reason) = error else { return error.description }
                    return "\(source): \(reason)"
                }.joined(separator: "; ")
                + ". Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE to a profile of the shared "
                + "files (e.g. written by `aws configure`), or run where a role is attached (container, instance)."
        }
    }

    /// The same text as ``description``, so `localizedDescription` is as readable (and as free of secrets).
    public var errorDescription: String? {
        description
    }
}
