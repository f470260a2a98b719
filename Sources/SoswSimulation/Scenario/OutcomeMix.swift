/// The probabilities of a worker's outcomes (`outcomes: {complete, fail, hang}`); they sum to 1.
public struct OutcomeMix: Sendable, Hashable {
    public var complete: Double
    public var fail: Double
    public var hang: Double

    public init(complete: Double, fail: Double = 0, hang: Double = 0) {
        self.complete = complete
        self.fail = fail
        self.hang = hang
    }

    /// Every execution completes.
    public static let alwaysCompletes = OutcomeMix(complete: 1)

    /// The outcomes with their weights, in a fixed order, for ``SoswCore/RandomSource/weightedChoice(_:)``.
    public var weighted: [(WorkerOutcome, Double)] {
        [(.complete, complete), (.fail, fail), (.hang, hang)]
    }
}
