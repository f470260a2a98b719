/// An invocation a Processor cannot run as it was given.
public enum ProcessorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The event's sibling generation is not a whole number of 0 or more.
    case invalidSiblingGeneration(JSONValue)

    public var description: String {
        switch self {
        case .invalidSiblingGeneration(let value):
            "the event's `\(SiblingPolicy.generationKey)` must be a whole number of 0 or more (the hand-offs "
                + "before this invocation), got \(value.serialized()); remove it from events you send yourself"
        }
    }
}
