import SoswCore

/// The CSV files a scenario may refer to: recorded durations (`empirical`) and recorded metric values
/// (`replay`). Small, hand-edited files, so the format is forgiving where it costs nothing (an optional header,
/// blank lines and `#` comments) and strict about values.
enum ScenarioCSV {
    /// A problem in a CSV file, with the 1-based line in that file.
    struct Problem: Error {
        var line: Int
        var message: String
    }

    /// Durations in seconds, one per line (the first column), optionally under a header line.
    static func durations(_ text: String) throws(Problem) -> [Duration] {
        var samples: [Duration] = []
        for (index, (line, fields)) in rows(text).enumerated() {
            let field = fields[0]
            guard let seconds = Double(field), seconds.isFinite else {
                if index == 0 { continue }  // a header
                throw Problem(line: line, message: "'\(field)' is not a number of seconds")
            }
            guard seconds >= 0 else { throw Problem(line: line, message: "\(field) is negative; durations are >= 0 seconds") }
            guard seconds <= ScenarioLimits.longestDuration.secondsValue else {
                throw Problem(line: line, message: "\(field) seconds is too long; expected at most \(Int64(ScenarioLimits.longestDuration.secondsValue)) seconds (\(ScenarioLimits.longestDurationText))")
            }
            samples.append(.nanoseconds(Int64((seconds * 1e9).rounded())))
        }
        guard !samples.isEmpty else { throw Problem(line: 1, message: "no durations; expected one number of seconds per line") }
        return samples
    }

    /// `timestamp,value` rows, timestamps as UTC ISO-8601 or epoch seconds, in increasing time order.
    static func samples(_ text: String) throws(Problem) -> [MetricSample] {
        var samples: [MetricSample] = []
        for (index, (line, fields)) in rows(text).enumerated() {
            guard fields.count == 2 else {
                throw Problem(line: line, message: "expected two fields, timestamp,value; got \(fields.count)")
            }
            let latest = ScenarioLimits.latestTime
            var time: UnixTime?
            switch ScenarioLimits.time(iso8601: fields[0], latest: latest) {
            case .time(let parsed): time = parsed
            case .outOfRange: throw Problem(line: line, message: "'\(fields[0])' is out of range; expected a time \(ScenarioLimits.timeRangeText(latest: latest))")
            case .malformed:
                if let seconds = Double(fields[0]), seconds.isFinite {
                    guard let parsed = ScenarioLimits.time(epochSeconds: seconds, latest: latest) else {
                        throw Problem(line: line, message: "\(fields[0]) epoch seconds is out of range; expected 0 to \(Int64(latest.seconds)) (\(ScenarioLimits.timeRangeText(latest: latest)))")
                    }
                    time = parsed
                }
            }
            let value = Double(fields[1]).flatMap { $0.isFinite ? $0 : nil }
            guard let time, let value else {
                if index == 0 { continue }  // a header
                let problem = time == nil
                    ? "'\(fields[0])' is not a timestamp; expected UTC ISO-8601 (2026-01-05T02:00:00Z) or epoch seconds"
                    : "'\(fields[1])' is not a number"
                throw Problem(line: line, message: problem)
            }
            if let previous = samples.last, time <= previous.time {
                throw Problem(line: line, message: "\(fields[0]) is not after the previous row's \(previous.time.iso8601); expected rows in increasing time order")
            }
            samples.append(MetricSample(time: time, value: value))
        }
        guard !samples.isEmpty else { throw Problem(line: 1, message: "no rows; expected timestamp,value lines") }
        return samples
    }

    /// The non-blank, non-comment lines with their 1-based numbers, split on commas and trimmed.
    private static func rows(_ text: String) -> [(line: Int, fields: [String])] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: " \t\r")
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            return (index + 1, line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " \t") })
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        var slice = self[...]
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
