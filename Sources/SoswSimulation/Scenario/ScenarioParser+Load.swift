import SoswCore
import Yams

extension ScenarioParser {
    static let loadKeys = ["at", "every", "from", "until", "job", "tasks", "rate"]
    static let rateCurveForms = ["constant", "ramp", "step", "sine"]

    func loadEntries(_ node: Node) throws(ScenarioError) -> [LoadEntry] {
        var entries: [LoadEntry] = []
        for element in try reader.elements(node, path: "load") {
            entries.append(try loadEntry(element.node, path: element.path))
        }
        return entries
    }

    private func loadEntry(_ node: Node, path: String) throws(ScenarioError) -> LoadEntry {
        let fields = try reader.mapping(node, path: path, allowed: Self.loadKeys)
        let works = ["job", "tasks", "rate"].filter { fields[$0] != nil }
        guard works.count == 1, let kind = works.first, let workNode = fields[kind] else {
            throw reader.error(node, path, "expected exactly one of job, tasks, rate; got \(works.isEmpty ? "none" : works.joined(separator: ", "))")
        }
        let workPath = "\(path).\(kind)"
        let work: LoadWork =
            switch kind {
            case "job": .job(try reader.object(workNode, path: workPath))
            case "tasks": .tasks(try taskBatch(workNode, path: workPath))
            default: .rate(try rateLoad(workNode, path: workPath))
            }
        return LoadEntry(trigger: try trigger(node, fields: fields, path: path, isRate: kind == "rate"), work: work)
    }

    /// `at`, or `every` with optional `from` and `until`; a rate load starts at `at` (default 0s) and lasts its `over`.
    private func trigger(_ node: Node, fields: [String: Node], path: String, isRate: Bool) throws(ScenarioError) -> LoadTrigger {
        func duration(_ key: String) throws(ScenarioError) -> Duration? {
            try fields[key].map { node throws(ScenarioError) in try reader.duration(node, path: "\(path).\(key)") }
        }
        if isRate {
            for key in ["every", "from", "until"] where fields[key] != nil {
                throw reader.error(fields[key]!, "\(path).\(key)", "a rate load runs once, from `at` for its `over`; expected `at` or nothing")
            }
            return .at(try duration("at") ?? .zero)
        }
        switch (try duration("at"), try duration("every")) {
        case (let at?, nil):
            for key in ["from", "until"] where fields[key] != nil {
                throw reader.error(fields[key]!, "\(path).\(key)", "`\(key)` goes with `every`, not `at`")
            }
            return .at(at)
        case (nil, let every?):
            return .every(every, from: try duration("from") ?? .zero, until: try duration("until"))
        case (_?, _?):
            throw reader.error(node, path, "`at` and `every` exclude each other; expected one")
        case (nil, nil):
            throw reader.error(node, "\(path).at", "missing; expected `at: <offset>` or `every: <interval>`")
        }
    }

    private func taskBatch(_ node: Node, path: String) throws(ScenarioError) -> TaskBatch {
        let fields = try reader.mapping(node, path: path, allowed: ["labourer", "count", "payload"])
        let labourer = try reader.name(reader.required(fields["labourer"], path: "\(path).labourer", in: node, expected: "a labourer id"), path: "\(path).labourer")
        let count = try reader.integer(reader.required(fields["count"], path: "\(path).count", in: node, expected: "how many tasks"), path: "\(path).count", in: 0...Int64.max)
        let payload = try fields["payload"].map { node throws(ScenarioError) in try reader.object(node, path: "\(path).payload") } ?? .object([:])
        return TaskBatch(labourer: labourer, count: Int(count), payload: payload)
    }

    private func rateLoad(_ node: Node, path: String) throws(ScenarioError) -> RateLoad {
        let fields = try reader.mapping(node, path: path, allowed: ["labourer", "per_minute", "over", "payload"])
        let labourer = try reader.name(reader.required(fields["labourer"], path: "\(path).labourer", in: node, expected: "a labourer id"), path: "\(path).labourer")
        let curve = try rateCurve(reader.required(fields["per_minute"], path: "\(path).per_minute", in: node, expected: "one of: \(Self.rateCurveForms.joined(separator: ", "))"), path: "\(path).per_minute")
        let over = try reader.duration(reader.required(fields["over"], path: "\(path).over", in: node, expected: "how long the rate lasts, e.g. 2h"), path: "\(path).over")
        let payload = try fields["payload"].map { node throws(ScenarioError) in try reader.object(node, path: "\(path).payload") } ?? .object([:])
        return RateLoad(labourer: labourer, perMinute: curve, over: over, payload: payload)
    }

    private func rateCurve(_ node: Node, path: String) throws(ScenarioError) -> RateCurve {
        let form = try reader.variant(node, path: path, among: Self.rateCurveForms)
        switch form.key {
        case "constant":
            return .constant(try reader.number(form.value, path: form.path, atLeast: 0, atMost: ScenarioLimits.tasksPerMinute))
        case "ramp":
            let ends = try reader.elements(form.value, path: form.path)
            guard ends.count == 2 else {
                throw reader.error(form.value, form.path, "expected [from, to] tasks per minute, got \(ends.count) elements")
            }
            return .ramp(from: try reader.number(ends[0].node, path: ends[0].path, atLeast: 0, atMost: ScenarioLimits.tasksPerMinute),
                         to: try reader.number(ends[1].node, path: ends[1].path, atLeast: 0, atMost: ScenarioLimits.tasksPerMinute))
        case "step":
            return .step(try timedValues(form.value, path: form.path, minimum: 0, maximum: ScenarioLimits.tasksPerMinute))
        default:
            let fields = try reader.mapping(form.value, path: form.path, allowed: ["mean", "amplitude", "period"])
            func field(_ key: String) throws(ScenarioError) -> Node {
                try reader.required(fields[key], path: "\(form.path).\(key)", in: form.value, expected: key == "period" ? "a duration" : "a number")
            }
            let mean = try reader.number(field("mean"), path: "\(form.path).mean", atLeast: 0, atMost: ScenarioLimits.tasksPerMinute)
            let amplitude = try reader.number(field("amplitude"), path: "\(form.path).amplitude", atLeast: 0)
            guard amplitude <= mean else {
                throw reader.error(form.value, "\(form.path).amplitude", "amplitude (\(rounded(amplitude))) is above mean (\(rounded(mean))): the rate would go negative")
            }
            let period = try reader.duration(field("period"), path: "\(form.path).period")
            return .sine(mean: mean, amplitude: amplitude, period: period)
        }
    }
}
