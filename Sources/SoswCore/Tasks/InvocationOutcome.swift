/// What became of one task the Orchestrator tried to invoke.
public enum InvocationOutcome: Hashable, Sendable {
    /// Marked invoked (greenfield moved a delta ahead, attempts + 1) and handed to Lambda.
    case invoked
    /// Another Orchestrator marked it first: the conditional update `greenfield < start` failed.
    case skippedConcurrent
    /// Its payload is not a JSON object, so no worker event can be built; it is left untouched (sosw marked
    /// it invoked and then crashed; docs/sosw-compatibility.md).
    case skippedInvalidPayload
    /// Marked invoked, but the Lambda call failed; the task will expire and be retried (at least once).
    case invokeFailed(String)
}
