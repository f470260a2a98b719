/// A source of uniformly distributed 64-bit words, injected wherever the core needs chance (retry jitter).
///
/// Implementations are reference types that synchronise themselves, so one source can be shared by the
/// components of a run. The mappings below are our own, not the standard library's `random(in:using:)`,
/// whose mapping may change between toolchains and would silently change every seeded run.
public protocol RandomSource: Sendable {
    /// The next 64 uniformly distributed bits.
    func nextWord() -> UInt64
}

extension RandomSource {
    /// A double uniformly distributed in [0, 1), built from the top 53 bits of one word.
    public func unitInterval() -> Double {
        Double(nextWord() >> 11) * 0x1.0p-53
    }

    /// A double uniformly distributed in `range` (the upper bound excluded).
    public func uniform(in range: Range<Double>) -> Double {
        range.lowerBound + unitInterval() * (range.upperBound - range.lowerBound)
    }

    /// An integer uniformly distributed in `0..<bound`, without modulo bias (Lemire's method).
    /// `bound` must be positive.
    public func integer(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "integer(below:) needs a positive bound, got 0")
        var product = nextWord().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = nextWord().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// `true` with probability `p` (clamped to [0, 1]).
    public func bernoulli(_ p: Double) -> Bool {
        unitInterval() < p
    }
}
