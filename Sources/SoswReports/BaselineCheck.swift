/// A run's figures held to its scenario's committed baseline: each compared figure passes when it moved by at
/// most the tolerance, as a fraction of the baseline value.
///
/// A baseline of zero allows no movement (no fraction of zero is above zero); a run that drained where the
/// baseline did not, or the other way round, fails; a figure the baseline has and the run lacks fails (the
/// figure disappeared); a figure only the run has is shown as new and passes, so adding a labourer or a cost
/// model does not break CI before the baselines are written again.
public struct BaselineCheck: Sendable, Hashable {
    public var scenario: String
    public var tolerance: Tolerance
    public var figures: [Figure]

    /// One compared figure.
    public struct Figure: Sendable, Hashable {
        public var name: String
        /// `.none`: the baseline lacks the figure; `.some(nil)`: the baseline run did not drain.
        public var baseline: Double??
        public var measured: Double??
        public var passed: Bool
        /// The change in words: `+3.2% (9815 → 10129)`, `new (no baseline)`, `drained in the baseline, not now`.
        public var verdict: String
    }

    public init(baseline: ScenarioBaseline, measured: ScenarioBaseline, tolerance: Tolerance) {
        scenario = baseline.scenario
        self.tolerance = tolerance
        let names = Set(baseline.figures.keys).union(measured.figures.keys).sorted()
        figures = names.map { name in
            Self.compare(name, baseline.figures[name], measured.figures[name], tolerance)
        }
    }

    public var passed: Bool {
        figures.allSatisfy(\.passed)
    }

    private static func compare(_ name: String, _ baseline: Double??, _ measured: Double??, _ tolerance: Tolerance) -> Figure {
        func figure(_ passed: Bool, _ verdict: String) -> Figure {
            Figure(name: name, baseline: baseline, measured: measured, passed: passed, verdict: verdict)
        }
        switch (baseline, measured) {
        case (nil, let now?):
            return figure(true, "new (no baseline), measured \(describe(now))")
        case (let then?, nil):
            return figure(false, "no longer measured (baseline \(describe(then)))")
        case (let then??, let now??):
            let change = now - then
            let allowed = tolerance.fraction * abs(then)
            let percent = then == 0 ? (change == 0 ? "+0.0%" : "from zero") : RunComparison.percentText(change / abs(then) * 100)
            let text = "\(percent) (\(RunComparison.number(then)) → \(RunComparison.number(now)))"
            return abs(change) <= allowed
                ? figure(true, text)
                : figure(false, "\(text), beyond the tolerance of \(tolerance)")
        case (.some(nil), .some(nil)):
            return figure(true, "not drained, as in the baseline")
        case (.some(nil), let now??):
            return figure(false, "\(RunComparison.number(now)) where the baseline did not drain")
        case (let then??, .some(nil)):
            return figure(false, "not drained where the baseline drained (\(RunComparison.number(then)))")
        case (nil, nil):
            return figure(true, "")
        }
    }

    private static func describe(_ value: Double?) -> String {
        value.map(RunComparison.number) ?? "not drained"
    }
}
