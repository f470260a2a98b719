import SoswSimulation

/// What the charts of `report.html` plot, as plain values: the per-minute series of each labourer and
/// function and each labourer's task latencies, filled in from a run's figures (`init(result:)`) or by hand in
/// tests; the totals, percentiles and caps come from `RunSummary`, so the page and `summary.json` never disagree.
public struct RunCharts: Sendable {
    /// In the order of `RunSummary.labourers`.
    public var labourers: [Labourer]
    /// In the order of `RunSummary.functions`.
    public var functions: [Function]
    /// Concurrent executions the simulated account allows across all functions.
    public var accountConcurrency: Int
    /// The simulated metrics, each with its readers' thresholds, in the scenario's order.
    public var metrics: [MetricFigures] = []

    public init(labourers: [Labourer], functions: [Function], accountConcurrency: Int) {
        self.labourers = labourers
        self.functions = functions
        self.accountConcurrency = accountConcurrency
    }

    public func labourer(_ id: String) -> Labourer? {
        labourers.first { $0.id == id }
    }

    public func function(_ name: String) -> Function? {
        functions.first { $0.name == name }
    }

    public struct Labourer: Sendable, Hashable {
        public var id: String
        /// One row per minute of the run, minutes ascending.
        public var minutes: [LabourerMinute]
        /// Creation-to-archive seconds of every closed task (any order).
        public var latencies: [Double]

        public init(id: String, minutes: [LabourerMinute], latencies: [Double]) {
            self.id = id
            self.minutes = minutes
            self.latencies = latencies
        }
    }

    /// One minute of one labourer: gauges (`queued`, `running`, `health`) at its end, counters over it.
    public struct LabourerMinute: Sendable, Hashable {
        public var minute: Int
        public var queued: Int
        public var running: Int
        /// The most executions of the labourer's function running at once within the minute (what its cap
        /// limits); nil when the labourer's function is not simulated.
        public var peakRunning: Int?
        public var invoked: Int
        public var completed: Int
        public var expired: Int
        public var retried: Int
        public var dead: Int
        /// The Orchestrator's latest health reading (0 bad … 4 high); nil before the first.
        public var health: Int?

        public init(
            minute: Int, queued: Int, running: Int, peakRunning: Int?, invoked: Int, completed: Int, expired: Int,
            retried: Int, dead: Int, health: Int?
        ) {
            self.minute = minute
            self.queued = queued
            self.running = running
            self.peakRunning = peakRunning
            self.invoked = invoked
            self.completed = completed
            self.expired = expired
            self.retried = retried
            self.dead = dead
            self.health = health
        }
    }

    public struct Function: Sendable, Hashable {
        public var name: String
        /// The function's reserved concurrency, drawn as its limit; nil when it has none.
        public var reservedConcurrency: Int?
        /// One row per minute of the run, minutes ascending.
        public var minutes: [FunctionMinute]

        public init(name: String, reservedConcurrency: Int?, minutes: [FunctionMinute]) {
            self.name = name
            self.reservedConcurrency = reservedConcurrency
            self.minutes = minutes
        }
    }

    /// One minute of one function: the peak concurrency within it and the throttles.
    public struct FunctionMinute: Sendable, Hashable {
        public var minute: Int
        public var concurrency: Int
        public var throttles: Int

        public init(minute: Int, concurrency: Int, throttles: Int) {
            self.minute = minute
            self.concurrency = concurrency
            self.throttles = throttles
        }
    }
}
