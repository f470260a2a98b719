/// The Scavenger's own settings (§8).
public struct ScavengerConfig: Hashable, Sendable {
    /// The SNS topic for dead-task notices (`sns_config.recipient`; sosw's default is a placeholder).
    public var snsRecipient: String
    public var snsSubject: String
    /// `sns_config.region`, else the region of the recipient ARN. sosw hard-coded us-west-2 (§15 bug 13).
    public var snsRegion: String
    /// How many due retries go back to the queue per labourer and run.
    public var retryTasksLimit: Int

    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.scavenger.deepMerged(with: document))
        let sns = config["sns_config"]
        snsRecipient = try sns["recipient"].string()
        snsSubject = try sns["subject"].string()
        let arnParts = snsRecipient.split(separator: ":", omittingEmptySubsequences: false)
        if let region = try sns["region"].optionalString() {
            snsRegion = region
        } else if arnParts.count >= 6, arnParts[0] == "arn", !arnParts[3].isEmpty {
            snsRegion = String(arnParts[3])
        } else {
            throw sns["region"].error("a region, or an ARN in `sns_config.recipient` that names one")
        }
        retryTasksLimit = try config["retry_tasks_limit"].int(atLeast: 1)
    }
}
