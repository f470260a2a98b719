import SoswCore

/// One stored datum of a metric, already reduced to the four numbers every statistic derives from.
struct MetricObservation: Sendable {
    /// Virtual nanoseconds since the epoch.
    var time: Int64
    var sampleCount: Double
    var sum: Double
    var minimum: Double
    var maximum: Double
    var unit: StandardUnit

    init(time: Int64, value: Double, unit: StandardUnit) {
        self.init(time: time, sampleCount: 1, sum: value, minimum: value, maximum: value, unit: unit)
    }

    init(time: Int64, sampleCount: Double, sum: Double, minimum: Double, maximum: Double, unit: StandardUnit) {
        self.time = time
        self.sampleCount = sampleCount
        self.sum = sum
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
    }

    /// Folds `other` into this aggregate.
    mutating func merge(_ other: MetricObservation) {
        sampleCount += other.sampleCount
        sum += other.sum
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }
}
