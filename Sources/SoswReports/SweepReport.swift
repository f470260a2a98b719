import SoswCore

/// What a sweep (`sosw sweep`) found: every run's headline figures, and per variant the drain time and cost as
/// a mean with the spread (min–max) over its seeds, which is what a capacity planner weighs. Rendered as
/// `sweep.csv`, `sweep.md` and `sweep.html`.
public struct SweepReport: Sendable {
    public var scenario: String
    /// The scenario file swept.
    public var file: String
    /// The `--set` key paths, in order; each run has one value per path.
    public var paths: [String]
    /// In grid order, each variant's seeds together.
    public var runs: [Run]
    /// `--drain-under`: the drain time a variant must stay below in every seed to be a candidate for the
    /// cheapest one; nil when not asked.
    public var drainBoundSeconds: Double?

    public init(scenario: String, file: String, paths: [String], runs: [Run], drainBoundSeconds: Double? = nil) {
        self.scenario = scenario
        self.file = file
        self.paths = paths
        self.runs = runs
        self.drainBoundSeconds = drainBoundSeconds
    }

    /// One run's headline figures.
    public struct Run: Sendable, Hashable {
        public var variant: String
        /// One per ``SweepReport/paths``, as given on the command line.
        public var values: [String]
        public var seed: UInt64
        /// Nil when the run did not drain before its stop condition.
        public var drainedAfterSeconds: Double?
        /// The highest p99 latency over the labourers.
        public var latencyP99Seconds: Double
        /// Nil when the summary has no cost.
        public var costUSD: Double?
        public var retries: Int
        public var dead: Int
        public var wallSeconds: Double

        public init(
            variant: String, values: [String], seed: UInt64, drainedAfterSeconds: Double?, latencyP99Seconds: Double,
            costUSD: Double?, retries: Int, dead: Int, wallSeconds: Double
        ) {
            self.variant = variant
            self.values = values
            self.seed = seed
            self.drainedAfterSeconds = drainedAfterSeconds
            self.latencyP99Seconds = latencyP99Seconds
            self.costUSD = costUSD
            self.retries = retries
            self.dead = dead
            self.wallSeconds = wallSeconds
        }

        /// The figures of a run's `summary.json` document.
        public init(variant: String, values: [String], summary: JSONValue) {
            let labourers = (summary["labourers"]?.objectValue ?? [:]).values
            self.init(
                variant: variant, values: values, seed: summary["seed"]?.intValue.map { UInt64(bitPattern: $0) } ?? 0,
                drainedAfterSeconds: summary["drained_after_seconds"]?.doubleValue,
                latencyP99Seconds: labourers.compactMap { $0["latency_seconds"]?["p99"]?.doubleValue }.max() ?? 0,
                costUSD: ScenarioBaseline.totalCost(in: summary),
                retries: labourers.reduce(0) { $0 + Int($1["retries"]?.intValue ?? 0) },
                dead: labourers.reduce(0) { $0 + Int($1["dead"]?.intValue ?? 0) },
                wallSeconds: summary["wall_seconds"]?.doubleValue ?? 0)
        }
    }

    /// Mean, smallest and largest of a figure over a variant's seeds.
    public struct Spread: Sendable, Hashable {
        public var mean: Double
        public var min: Double
        public var max: Double

        init?(_ values: [Double]) {
            guard let low = values.min(), let high = values.max() else { return nil }
            mean = values.reduce(0, +) / Double(values.count)
            min = low
            max = high
        }
    }

    /// One variant over its seeds.
    public struct Variant: Sendable, Hashable {
        public var name: String
        public var values: [String]
        public var seeds: [UInt64]
        /// Over the seeds that drained; nil when none did.
        public var drainTime: Spread?
        /// Seeds that did not drain.
        public var undrained: Int
        public var cost: Spread?
        public var latencyP99: Spread?
        public var retries: Int
        public var dead: Int

        /// Whether every seed drained within `bound` seconds.
        public func drains(within bound: Double) -> Bool {
            undrained == 0 && (drainTime?.max ?? .infinity) < bound
        }
    }

    /// The variants in grid order.
    public var variants: [Variant] {
        var order: [String] = []
        var byName: [String: [Run]] = [:]
        for run in runs {
            if byName[run.variant] == nil { order.append(run.variant) }
            byName[run.variant, default: []].append(run)
        }
        return order.map { name in
            let runs = byName[name] ?? []
            return Variant(
                name: name, values: runs.first?.values ?? [], seeds: runs.map(\.seed),
                drainTime: Spread(runs.compactMap(\.drainedAfterSeconds)),
                undrained: runs.filter { $0.drainedAfterSeconds == nil }.count,
                cost: runs.allSatisfy { $0.costUSD != nil } ? Spread(runs.compactMap(\.costUSD)) : nil,
                latencyP99: Spread(runs.map(\.latencyP99Seconds)),
                retries: runs.reduce(0) { $0 + $1.retries }, dead: runs.reduce(0) { $0 + $1.dead })
        }
    }

    /// The variant with the lowest mean cost among those that drained within the bound in every seed (ties: the
    /// faster mean drain, then grid order); nil without a bound, without costs, or when none qualifies.
    public var cheapestWithinBound: Variant? {
        guard let bound = drainBoundSeconds else { return nil }
        return variants
            .filter { $0.drains(within: bound) && $0.cost != nil }
            .enumerated()
            .min { lhs, rhs in
                (lhs.element.cost!.mean, lhs.element.drainTime!.mean, lhs.offset)
                    < (rhs.element.cost!.mean, rhs.element.drainTime!.mean, rhs.offset)
            }?.element
    }

    /// `sweep.csv`: one row per run.
    public var csv: CSVTable {
        var table = CSVTable(header: ["variant"] + paths + [
            "seed", "drained_after_seconds", "latency_p99_seconds", "cost_usd", "retries", "dead", "wall_seconds",
        ])
        for run in runs {
            table.rows.append([run.variant] + run.values + [
                String(run.seed), run.drainedAfterSeconds.map(RunSummary.number) ?? "",
                RunSummary.number(run.latencyP99Seconds), run.costUSD.map(Self.usd) ?? "", String(run.retries),
                String(run.dead), RunSummary.number(run.wallSeconds),
            ])
        }
        return table
    }

    /// Dollars with enough decimals for runs costing fractions of a cent.
    static func usd(_ value: Double) -> String {
        RunComparison.number((value * 1_000_000).rounded() / 1_000_000)
    }
}
