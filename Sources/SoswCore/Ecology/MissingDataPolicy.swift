/// What a health metric with no datapoints in its window means for its labourer (`on_missing_data`).
///
/// sosw raises and aborts the whole run (fixed here: docs/sosw-compatibility.md). A silent metric usually means the
/// dependency is down or the metric is misnamed, so the default is the cautious `bad`, and it affects only that
/// labourer.
public enum MissingDataPolicy: String, CaseIterable, Hashable, Sendable {
    /// The metric counts as status `bad`.
    case bad
    /// The metric is left out; the labourer's other metrics decide.
    case ignore
    /// The last value seen in an earlier run is used; `bad` if there is none.
    case lastKnown = "last_known"

    /// The decision for a metric whose window came back empty.
    public func resolve(lastKnown: Double?) -> MetricReading {
        switch self {
        case .bad: return .forcedStatus(.bad)
        case .ignore: return .ignored
        case .lastKnown: return lastKnown.map(MetricReading.value) ?? .forcedStatus(.bad)
        }
    }
}

/// The input of one health metric to a labourer's assessment.
public enum MetricReading: Hashable, Sendable {
    /// A value to compare with the feelings.
    case value(Double)
    /// A status decided without a value (missing data under the `bad` policy).
    case forcedStatus(EcoStatus)
    /// Left out of the assessment.
    case ignored
}
