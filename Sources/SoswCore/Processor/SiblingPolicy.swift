/// When an invocation may hand the work it has left to a sibling (a fresh asynchronous invocation of the same
/// function), and the guard that keeps a chain of siblings from respawning forever.
///
/// sosw's SiblingsManager spawns a sibling only when forced, when `auto_spawning` is set, or when an enabled
/// EventBridge rule targets the function (so that disabling the rule stops the chain); it counts nothing, and a
/// function that always has work left respawns for as long as that permission holds. Here:
/// - permission is `force` or `auto_spawning` (`siblings_config.auto_spawning`, else the top-level key, as
///   sosw's nested manager read both). The EventBridge rule lookup is not made: grant it with `auto_spawning`.
/// - the guard: every sibling's event carries ``generationKey``, the number of hand-offs before it (the first
///   invocation has none, generation 0). An invocation of generation `max_generations` may not hand off again,
///   forced or not, so a chain has at most `max_generations` siblings whatever its workers return.
public struct SiblingPolicy: Hashable, Sendable {
    /// The event key holding a sibling's generation.
    public static let generationKey = "sibling_generation"

    public var autoSpawning: Bool
    /// `siblings_config.max_generations`: the longest chain of siblings after the first invocation.
    public var maxGenerations: Int
    /// `siblings_config.shutdown_period`: how long before the deadline a worker should hand off, leaving time
    /// to invoke the sibling and report.
    public var shutdownPeriod: Duration

    public init(autoSpawning: Bool = false, maxGenerations: Int = 10, shutdownPeriod: Duration = .seconds(60)) {
        self.autoSpawning = autoSpawning
        self.maxGenerations = maxGenerations
        self.shutdownPeriod = shutdownPeriod
    }

    /// Reads `siblings_config.<key>`, falling back to the top-level `<key>`, in a Processor's merged document.
    public init(config: ConfigNode) throws {
        func setting(_ key: String) -> ConfigNode {
            let nested = config["siblings_config"][key]
            return nested.isPresent ? nested : config[key]
        }
        let defaults = SiblingPolicy()
        self.init(
            autoSpawning: try setting("auto_spawning").bool(default: defaults.autoSpawning),
            maxGenerations: try setting("max_generations").int(default: defaults.maxGenerations, atLeast: 0),
            shutdownPeriod: try setting("shutdown_period").seconds(default: defaults.shutdownPeriod))
    }

    public enum Decision: Hashable, Sendable, CustomStringConvertible {
        /// Invoke a sibling of this generation.
        case spawn(generation: Int)
        /// Neither `force` nor `auto_spawning` allows it.
        case notPermitted
        /// The chain already has `max_generations` siblings.
        case generationLimit(Int)

        public var description: String {
            switch self {
            case .spawn(let generation):
                "hand off to sibling generation \(generation)"
            case .notPermitted:
                "siblings are not allowed: set `siblings_config.auto_spawning` to true, or force the hand-off"
            case .generationLimit(let limit):
                "this chain already has \(limit) siblings, the most `siblings_config.max_generations` allows; "
                    + "raise it if the work needs more, or make each invocation do more"
            }
        }
    }

    /// What an invocation of `generation` may do with the work it has left.
    public func decide(generation: Int, force: Bool) -> Decision {
        guard generation < maxGenerations else { return .generationLimit(maxGenerations) }
        guard force || autoSpawning else { return .notPermitted }
        return .spawn(generation: generation + 1)
    }

    /// The generation of an event: 0 without ``generationKey``.
    public static func generation(of event: JSONValue) throws(ProcessorError) -> Int {
        guard let value = event[generationKey] else { return 0 }
        guard let generation = value.intValue, generation >= 0, let result = Int(exactly: generation) else {
            throw .invalidSiblingGeneration(value)
        }
        return result
    }

    /// A sibling's event: the remaining work, with the task id it continues (so that the chain's last
    /// invocation reports the task) and its generation.
    public static func siblingEvent(remaining: [String: JSONValue], taskID: String?, generation: Int) -> JSONValue {
        var event = remaining
        if let taskID { event["task_id"] = .string(taskID) }
        event[generationKey] = .int(Int64(generation))
        return .object(event)
    }
}
