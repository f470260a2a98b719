/// A linear map from data values to view-box coordinates, and the "nice" tick steps (1, 2 or 5 × 10ⁿ) that
/// make an axis readable at a glance.
struct ChartScale {
    var domain: ClosedRange<Double>
    /// Where `domain.lowerBound` and `domain.upperBound` land; `end` may be smaller than `start` (a y axis
    /// grows upwards while SVG's y grows downwards).
    var start: Double
    var end: Double

    func position(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return start }
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// The smallest step of 1, 2 or 5 × 10ⁿ (at least `minimum`) that cuts `span` into at most `count` parts.
    static func niceStep(span: Double, atMost count: Int, minimum: Double = 1) -> Double {
        guard span > 0, count > 0 else { return minimum }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where magnitude * factor >= raw {
            return max(magnitude * factor, minimum)
        }
        return max(magnitude * 10, minimum)
    }

    /// Ticks from 0 up to `top` (inclusive) at a nice step: at most `count` + 1 of them.
    static func ticks(upTo top: Double, atMost count: Int, minimum: Double = 1) -> [Double] {
        let step = niceStep(span: top, atMost: count, minimum: minimum)
        var ticks: [Double] = []
        var index = 0.0
        while index * step <= top * (1 + 1e-9) {
            ticks.append(index * step)
            index += 1
        }
        return ticks
    }
}
