/// How a Processor invocation ended, when it did not throw.
public enum ProcessorOutcome: Hashable, Sendable {
    /// The work finished; the task, if the event named one, was reported completed.
    case completed
    /// The remaining work went to a sibling of this generation; nothing was reported yet.
    case handedOff(generation: Int)
}
