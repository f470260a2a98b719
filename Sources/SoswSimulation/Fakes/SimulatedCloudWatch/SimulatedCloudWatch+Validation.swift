import SoswCore

/// The service's checks of both requests, worded as CloudWatch words them, done before anything is stored so
/// that a refused request changes nothing.
extension SimulatedCloudWatch {
    /// Checks a `GetMetricStatistics` request and returns the statistics it asks for.
    static func validate(_ input: GetMetricStatisticsInput) throws(CloudWatchError) -> Set<Statistic> {
        if input.namespace.isEmpty { throw .missingParameter("Namespace") }
        if input.metricName.isEmpty { throw .missingParameter("MetricName") }
        let statistics = input.statistics ?? []
        let extended = input.extendedStatistics ?? []
        if statistics.isEmpty && extended.isEmpty {
            throw .invalidParameterCombination("Must specify either Statistics or ExtendedStatistics.")
        }
        if !statistics.isEmpty && !extended.isEmpty {
            throw .invalidParameterCombination(
                "Statistics and ExtendedStatistics are mutually exclusive and you have specified both.")
        }
        if !extended.isEmpty {
            throw .invalidParameterValue(
                "The simulated CloudWatch does not compute ExtendedStatistics (\(extended.joined(separator: ", "))); "
                    + "ask for Statistics (SampleCount, Average, Sum, Minimum, Maximum) instead.")
        }
        if input.period < 60 || input.period % 60 != 0 {
            throw .invalidParameterValue(
                "The parameter Period must be a multiple of 60 for standard-resolution metrics (60, 120, ...); "
                    + "got \(input.period).")
        }
        if input.startTime >= input.endTime {
            throw .invalidParameterValue(
                "The parameter StartTime must be less than the parameter EndTime; got StartTime "
                    + "\(input.startTime.iso8601) and EndTime \(input.endTime.iso8601).")
        }
        try validate(input.dimensions ?? [], parameter: "Dimensions")
        return Set(statistics)
    }

    /// Checks a `PutMetricData` request and reduces its datums to observations.
    static func validate(_ input: PutMetricDataInput, now: UnixTime) throws(CloudWatchError)
        -> [(MetricIdentity, MetricObservation)]
    {
        if input.namespace.isEmpty { throw .missingParameter("Namespace") }
        if input.namespace.hasPrefix("AWS/") {
            throw .invalidParameterValue(
                "The value \(input.namespace) for parameter Namespace is invalid: namespaces starting with AWS/ "
                    + "are reserved for AWS services.")
        }
        if input.metricData.isEmpty { throw .missingParameter("MetricData") }
        if input.metricData.count > 1000 {
            throw .invalidParameterValue(
                "The collection MetricData must not have a size greater than 1000; got \(input.metricData.count).")
        }
        var observations: [(MetricIdentity, MetricObservation)] = []
        for (index, datum) in input.metricData.enumerated() {
            let member = "MetricData.member.\(index + 1)"
            if datum.metricName.isEmpty { throw .missingParameter("\(member).MetricName") }
            try validate(datum.dimensions ?? [], parameter: "\(member).Dimensions")
            let time = datum.timestamp ?? now
            if time < now - .seconds(14 * 86_400) || time > now + .seconds(2 * 3600) {
                throw .invalidParameterValue(
                    "The parameter \(member).Timestamp must specify a time no more than two weeks in the past and "
                        + "no more than two hours in the future; got \(time.iso8601) at \(now.iso8601).")
            }
            let observation = try observation(of: datum, member: member, time: time.nanoseconds)
            let identity = MetricIdentity(
                namespace: input.namespace, metricName: datum.metricName, dimensions: datum.dimensions ?? [])
            observations.append((identity, observation))
        }
        return observations
    }

    private static func observation(of datum: MetricDatum, member: String, time: Int64) throws(CloudWatchError)
        -> MetricObservation
    {
        let unit = datum.unit ?? .none
        let given = [
            datum.value.map { _ in "Value" }, datum.values.map { _ in "Values" },
            datum.statisticValues.map { _ in "StatisticValues" },
        ].compactMap { $0 }
        guard given.count == 1 else {
            let names = ["Value", "Values", "StatisticValues"].map { "\(member).\($0)" }.joined(separator: ", ")
            if given.isEmpty {
                throw .missingParameter("\(member).Value")
            }
            throw .invalidParameterCombination(
                "The parameters \(names) are mutually exclusive and you have specified "
                    + given.map { "\(member).\($0)" }.joined(separator: " and ") + ".")
        }
        func finite(_ value: Double, _ name: String) throws(CloudWatchError) {
            if !value.isFinite {
                throw .invalidParameterValue("The value \(value) for parameter \(member).\(name) is invalid.")
            }
        }
        if let value = datum.value {
            try finite(value, "Value")
            return MetricObservation(time: time, value: value, unit: unit)
        }
        if let set = datum.statisticValues {
            for (value, name) in [(set.sampleCount, "SampleCount"), (set.sum, "Sum"), (set.minimum, "Minimum"), (set.maximum, "Maximum")] {
                try finite(value, "StatisticValues.\(name)")
            }
            if set.sampleCount <= 0 || set.minimum > set.maximum {
                throw .invalidParameterValue(
                    "The parameter \(member).StatisticValues needs a positive SampleCount and Minimum <= Maximum; "
                        + "got SampleCount \(set.sampleCount), Minimum \(set.minimum), Maximum \(set.maximum).")
            }
            return MetricObservation(
                time: time, sampleCount: set.sampleCount, sum: set.sum, minimum: set.minimum, maximum: set.maximum,
                unit: unit)
        }
        let values = datum.values ?? []
        let counts = datum.counts ?? Array(repeating: 1, count: values.count)
        if values.isEmpty { throw .missingParameter("\(member).Values") }
        if counts.count != values.count {
            throw .invalidParameterValue(
                "The parameters \(member).Values and \(member).Counts must be of the same size; got "
                    + "\(values.count) values and \(counts.count) counts.")
        }
        var aggregate: MetricObservation?
        for (value, count) in zip(values, counts) {
            try finite(value, "Values")
            if !count.isFinite || count < 0 {
                throw .invalidParameterValue("The value \(count) for parameter \(member).Counts is invalid.")
            }
            guard count > 0 else { continue }
            let part = MetricObservation(
                time: time, sampleCount: count, sum: value * count, minimum: value, maximum: value, unit: unit)
            if aggregate == nil { aggregate = part } else { aggregate!.merge(part) }
        }
        guard let aggregate else {
            throw .invalidParameterValue("The parameter \(member).Counts must count at least one value.")
        }
        return aggregate
    }

    private static func validate(_ dimensions: [Dimension], parameter: String) throws(CloudWatchError) {
        if dimensions.count > 30 {
            throw .invalidParameterValue(
                "The collection \(parameter) must not have a size greater than 30; got \(dimensions.count).")
        }
        for (index, dimension) in dimensions.enumerated() where dimension.name.isEmpty || dimension.value.isEmpty {
            throw .missingParameter("\(parameter).member.\(index + 1).\(dimension.name.isEmpty ? "Name" : "Value")")
        }
    }
}
