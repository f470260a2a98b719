/// When a scenario run ends (`stop:`). Every scenario must say, so no run goes on forever by accident.
public enum StopCondition: Sendable, Hashable {
    /// `{after: 12h}`: a fixed stretch of virtual time, for scenarios about steady behaviour.
    case after(Duration)
    /// `{when: drained, at_most: 2d}`: as soon as every task created so far is closed (and no load is still to
    /// come), or after `atMost` if it never drains — the usual question is how long draining takes.
    case whenDrained(atMost: Duration)

    /// The latest virtual time the run may reach, from the start.
    public var limit: Duration {
        switch self {
        case .after(let duration): duration
        case .whenDrained(let atMost): atMost
        }
    }
}
