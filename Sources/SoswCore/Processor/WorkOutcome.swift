/// What a worker's code returns for one invocation.
public enum WorkOutcome: Hashable, Sendable {
    /// The work is done: the task is reported completed.
    case finished
    /// Time is short: this work is left, for a sibling invocation to continue. `force` allows the hand-off
    /// without `auto_spawning` (sosw's `force=True`); the generation limit applies regardless.
    ///
    /// The chain's last invocation reports the task, so the whole chain must end within the labourer's
    /// `duration + cooldown`; past that the Scavenger takes the task for expired and retries it.
    case remaining([String: JSONValue], force: Bool = false)
}
