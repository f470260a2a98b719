/// sosw's example configuration documents are written for any account: they spell the deploying account as
/// twelve zeros (`arn:aws:lambda:us-west-2:000000000000:function:…`) and sosw's uploader swapped in the real one.
/// Uploading them here does the same, and also moves every such ARN into the uploader's region: an ARN that
/// names the placeholder account is a template, and its region (sosw's examples all say `us-west-2`) is part of
/// the template. ARNs of real accounts, and every other text, are left as they are.
public struct ConfigPlaceholders: Sendable, Hashable {
    /// The account sosw's examples write.
    public static let placeholderAccount = "000000000000"

    /// The account the documents are uploaded to (STS GetCallerIdentity's `Account`).
    public var account: String
    /// The region of the uploader (and of the functions, topics and tables the documents name).
    public var region: String

    public init(account: String, region: String) {
        self.account = account
        self.region = region
    }

    /// `text` with every placeholder ARN moved to ``region`` and every placeholder account replaced.
    public func substitute(in text: String) -> String {
        // arn:<partition>:<service>:<region>:000000000000: — the region may be empty (global services).
        let templateARN = /(arn:[a-z-]+:[a-z0-9-]+:)([a-z0-9-]*)(:000000000000:)/
        let regional = text.replacing(templateARN) { match in
            let region = match.output.2.isEmpty ? "" : self.region
            return "\(match.output.1)\(region):\(account):"
        }
        return regional.replacing(Self.placeholderAccount, with: account)
    }
}
