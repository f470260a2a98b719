/// The Scavenger's own settings.
public struct ScavengerConfig: Hashable, Sendable {
    /// The SNS topic ARN for dead-task notices (`sns_config.recipient`; sosw's default is a placeholder).
    public var snsRecipient: String
    public var snsSubject: String
    /// `sns_config.region`, else the region of the recipient topic. sosw always published in us-west-2.
    public var snsRegion: String
    /// How many due retries go back to the queue per labourer and run.
    public var retryTasksLimit: Int

    public init(document: JSONValue) throws {
        let config = ConfigNode(SoswDefaults.scavenger.deepMerged(with: document))
        let sns = config["sns_config"]
        snsRecipient = try sns["recipient"].string()
        snsSubject = try sns["subject"].string()
        let topic: ARN
        do throws(ARN.ParseError) {
            topic = try ARN.snsTopic(snsRecipient)
        } catch {
            throw sns["recipient"].error(error.expectation)
        }
        snsRegion = try sns["region"].optionalString() ?? topic.region
        retryTasksLimit = try config["retry_tasks_limit"].int(atLeast: 1)
    }
}
