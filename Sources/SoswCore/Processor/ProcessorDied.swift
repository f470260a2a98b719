/// A Processor gave up on its invocation (sosw's `die()`): the message was published as an alert, and the
/// invocation fails with this error. The task is reported failed and expires, to be retried by the Scavenger.
public struct ProcessorDied: Error, Hashable, Sendable, CustomStringConvertible {
    public var functionName: String
    public var message: String
    /// Where the alert went; nil when no topic ARN could be made (the invoked function ARN names no account).
    public var topicARN: String?
    /// Why the alert was not published; nil when it was.
    public var publishError: String?

    public init(functionName: String, message: String, topicARN: String?, publishError: String? = nil) {
        self.functionName = functionName
        self.message = message
        self.topicARN = topicARN
        self.publishError = publishError
    }

    public var description: String {
        let alert =
            switch (topicARN, publishError) {
            case (let topic?, nil): "alert published to \(topic)"
            case (let topic?, let error?):
                "the alert to \(topic) failed (\(error)); check that the topic exists and the role may sns:Publish to it"
            case (nil, _): "no alert: set `dead_sns_topic` to a topic ARN"
            }
        return "\(functionName) died: \(message); \(alert)"
    }
}
