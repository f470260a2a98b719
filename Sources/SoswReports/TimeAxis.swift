/// The x axis of the per-minute charts: ticks at round numbers of minutes or hours, labelled `15m`, `2h`
/// or `1h 30m`, so a run of twenty minutes and one of a day both read naturally.
struct TimeAxis {
    var firstMinute: Int
    var lastMinute: Int

    /// The minute domain, at least one minute wide so a one-row series still has an axis.
    var domain: ClosedRange<Double> {
        Double(firstMinute)...Double(max(lastMinute, firstMinute + 1))
    }

    /// Minutes at which a labelled tick stands: at most eight of them.
    var ticks: [Int] {
        let span = domain.upperBound - domain.lowerBound
        let steps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080]
        let step = steps.first { span / Double($0) <= 8 } ?? Int((span / 8).rounded(.up))
        let first = (firstMinute + step - 1) / step * step
        return Array(stride(from: first, through: Int(domain.upperBound), by: step))
    }

    /// `45m`, `2h`, `1h 30m`, `1d 4h`.
    static func label(minute: Int) -> String {
        guard minute >= 60 else { return "\(minute)m" }
        if minute >= 1440 {
            let hours = (minute % 1440) / 60
            return hours == 0 ? "\(minute / 1440)d" : "\(minute / 1440)d \(hours)h"
        }
        return minute % 60 == 0 ? "\(minute / 60)h" : "\(minute / 60)h \(minute % 60)m"
    }
}
