/// Who a set of credentials is (STS `GetCallerIdentity`): the account configuration documents are uploaded to,
/// so sosw's example documents' placeholder account can be replaced with it.
public struct CallerIdentity: Hashable, Sendable {
    /// The 12-digit account id.
    public var account: String
    /// The ARN of the user or assumed role.
    public var arn: String
    public var userID: String

    public init(account: String, arn: String, userID: String) {
        self.account = account
        self.arn = arn
        self.userID = userID
    }
}
