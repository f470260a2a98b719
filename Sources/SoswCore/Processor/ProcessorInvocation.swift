import Synchronization

/// One invocation of a ``Processor``, as the worker's code sees it: the event, the runtime's context, where
/// to record statistics and results, how much time is left, and ``die(_:)``.
public final class ProcessorInvocation: Sendable {
    public let event: JSONValue
    public let context: InvocationContext
    /// How many hand-offs came before this invocation (0 for one not started by a sibling).
    public let generation: Int
    let processor: Processor
    private let results = Mutex<[String: JSONValue]>([:])

    init(processor: Processor, event: JSONValue, context: InvocationContext, generation: Int) {
        self.processor = processor
        self.event = event
        self.context = context
        self.generation = generation
    }

    /// Adds to a statistic of this invocation (reported as `stat_<name>` on the task).
    public func incrementStat(_ name: String, by amount: Int64 = 1) {
        processor.updateStats { $0.increment(name, by: amount) }
    }

    /// Sets a value of this invocation's result (reported as `result_<name>` on the task).
    public func setResult(_ name: String, _ value: JSONValue) {
        results.withLock { $0[name] = value }
    }

    /// sosw's `self.result`, which starts empty on every invocation.
    public var result: [String: JSONValue] {
        results.withLock { $0 }
    }

    /// Time until Lambda stops this invocation.
    public var timeLeft: Duration {
        context.deadline - processor.wallClock.currentTime()
    }

    /// Whether less than `shutdown_period` is left: the moment to return ``WorkOutcome/remaining(_:force:)``.
    public var shouldHandOff: Bool {
        timeLeft <= processor.settings.siblings.shutdownPeriod
    }

    /// sosw's `die()`: logs `message` with the statistics, publishes it to the `dead_sns_topic` with the subject
    /// `<function> died`, and fails the invocation with ``ProcessorDied``. A failed publish is logged, not
    /// thrown: the invocation dies either way.
    public func die(_ message: String = "Unknown Failure") async throws -> Never {
        throw await processor.die(message, context: context)
    }
}
