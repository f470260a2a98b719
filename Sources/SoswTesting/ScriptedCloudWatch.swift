import SoswCore
import Synchronization

/// A CloudWatch port whose metric values a test sets by hand: each metric name answers one datapoint with the
/// value set (none for a name never set, or set to nil), so a test puts a labourer in any health it wants
/// and reads back which statistics the Ecology asked for. Use ``SoswSimulation/SimulatedCloudWatch`` for
/// metrics that follow a model over time.
public final class ScriptedCloudWatch: CloudWatch {
    private struct State {
        var values: [String: Double] = [:]
        var failing: Set<String> = []
        var requests: [GetMetricStatisticsInput] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The average every later request for `metricName` answers; nil answers no datapoint (missing data).
    public func set(_ metricName: String, average: Double?) {
        state.withLock { $0.values[metricName] = average }
    }

    /// Makes every later request for `metricName` fail with `InternalServiceError`.
    public func fail(_ metricName: String) {
        state.withLock { _ = $0.failing.insert(metricName) }
    }

    /// Every `GetMetricStatistics` request, in call order.
    public var requests: [GetMetricStatisticsInput] { state.withLock { $0.requests } }

    public func getMetricStatistics(_ input: GetMetricStatisticsInput) async throws -> GetMetricStatisticsOutput {
        let (value, failing) = state.withLock { state in
            state.requests.append(input)
            return (state.values[input.metricName], state.failing.contains(input.metricName))
        }
        if failing { throw CloudWatchError(code: .internalServiceError, message: "scripted failure") }
        guard let value else { return GetMetricStatisticsOutput(label: input.metricName, datapoints: []) }
        return GetMetricStatisticsOutput(
            label: input.metricName, datapoints: [Datapoint(timestamp: input.startTime, average: value)])
    }

    /// Accepted and dropped: the essentials' own metrics are not what these tests look at.
    public func putMetricData(_ input: PutMetricDataInput) async throws {}
}
