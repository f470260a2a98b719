/// A notifier setting that cannot be used.
public enum NotifierError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidRecipient(String, expected: String)

    public var description: String {
        switch self {
        case .invalidRecipient(let arn, let expected):
            return "the recipient \(arn) is not an SNS topic ARN; expected \(expected)"
        }
    }
}
