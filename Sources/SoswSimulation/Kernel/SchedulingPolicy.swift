/// How the simulator picks the next job among those ready at the same virtual instant.
///
/// `fifo` replays the order in which jobs became ready. `random(seed:)` picks a seeded-random ready job
/// instead (as madsim does), so that different seeds explore different interleavings of the same scenario
/// while any one seed stays reproducible.
public enum SchedulingPolicy: Sendable, Hashable, CustomStringConvertible {
    case fifo
    case random(seed: UInt64)

    public var description: String {
        switch self {
        case .fifo: "fifo"
        case .random(let seed): "random:\(seed)"
        }
    }

    /// Parses `fifo` or `random:<seed>`, the forms `description` prints.
    public init?(_ text: String) {
        if text == "fifo" {
            self = .fifo
        } else if text.hasPrefix("random:"), let seed = UInt64(text.dropFirst("random:".count)) {
            self = .random(seed: seed)
        } else {
            return nil
        }
    }
}
