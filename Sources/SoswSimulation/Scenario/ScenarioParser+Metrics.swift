import SoswCore
import Yams

extension ScenarioParser {
    static let metricModelForms = ["constant", "steps", "replay", "reactive"]

    func simulatedMetrics(_ node: Node) throws(ScenarioError) -> [SimulatedMetric] {
        var metrics: [SimulatedMetric] = []
        for element in try reader.elements(node, path: "metrics") {
            let path = element.path
            let fields = try reader.mapping(element.node, path: path, allowed: ["namespace", "name", "dimensions", "model"])
            let namespace = try reader.name(reader.required(fields["namespace"], path: "\(path).namespace", in: element.node, expected: "a CloudWatch namespace, e.g. AWS/RDS"), path: "\(path).namespace")
            let name = try reader.name(reader.required(fields["name"], path: "\(path).name", in: element.node, expected: "a metric name, e.g. CPUUtilization"), path: "\(path).name")
            var dimensions: [MetricDimension] = []
            if let node = fields["dimensions"] {
                for entry in try reader.entries(node, path: "\(path).dimensions") {
                    dimensions.append(MetricDimension(name: entry.key, value: try reader.text(entry.value, path: entry.path)))
                }
            }
            let model = try metricModel(
                reader.required(fields["model"], path: "\(path).model", in: element.node, expected: "one of: \(Self.metricModelForms.joined(separator: ", "))"),
                path: "\(path).model")
            let metric = SimulatedMetric(namespace: namespace, name: name, dimensions: dimensions, model: model)
            if metrics.contains(where: { $0.namespace == namespace && $0.name == name && $0.dimensions == metric.dimensions }) {
                throw reader.error(element.node, path, "the metric \(namespace) \(name) with these dimensions is declared twice")
            }
            metrics.append(metric)
        }
        return metrics
    }

    private func metricModel(_ node: Node, path: String) throws(ScenarioError) -> MetricModel {
        let form = try reader.variant(node, path: path, among: Self.metricModelForms)
        switch form.key {
        case "constant":
            return .constant(try reader.number(form.value, path: form.path))
        case "steps":
            return .steps(try timedValues(form.value, path: form.path, minimum: nil))
        case "replay":
            let file = try referencedFile(form.value, path: form.path)
            do {
                return .replay(try ScenarioCSV.samples(file.text))
            } catch {
                throw reader.error(form.value, form.path, "\(file.name) line \(error.line): \(error.message)")
            }
        default:
            return .reactive(try reactiveMetric(form.value, path: form.path))
        }
    }

    private func reactiveMetric(_ node: Node, path: String) throws(ScenarioError) -> ReactiveMetric {
        let fields = try reader.mapping(node, path: path, allowed: ["base", "per_running", "lag", "noise"])
        let base = try fields["base"].map { node throws(ScenarioError) in try reader.number(node, path: "\(path).base") } ?? 0
        let perRunningNode = try reader.required(fields["per_running"], path: "\(path).per_running", in: node,
                                                 expected: "the increase per running execution, by function: {function: k}")
        var weights: [String: Double] = [:]
        for entry in try reader.entries(perRunningNode, path: "\(path).per_running") {
            weights[entry.key] = try reader.number(entry.value, path: entry.path)
        }
        let lag = try fields["lag"].map { node throws(ScenarioError) in try reader.duration(node, path: "\(path).lag") } ?? .zero
        let noise = try fields["noise"].map { node throws(ScenarioError) in try reader.number(node, path: "\(path).noise", atLeast: 0) } ?? 0
        return ReactiveMetric(base: base, perRunning: weights, lag: lag, noise: noise)
    }

    /// `[[offset, value], …]` with offsets starting at 0s and strictly increasing; values at least `minimum`.
    func timedValues(_ node: Node, path: String, minimum: Double?, maximum: Double? = nil) throws(ScenarioError) -> [TimedValue] {
        var values: [TimedValue] = []
        for element in try reader.elements(node, path: path) {
            let pair = try reader.elements(element.node, path: element.path)
            guard pair.count == 2 else {
                throw reader.error(element.node, element.path, "expected [offset, value], e.g. [30m, 80]; got \(pair.count) elements")
            }
            let offset = try reader.duration(pair[0].node, path: pair[0].path)
            let value = try reader.number(pair[1].node, path: pair[1].path, atLeast: minimum, atMost: maximum)
            if let previous = values.last, offset <= previous.offset {
                throw reader.error(pair[0].node, pair[0].path, "offset \(offset) is not after the previous \(previous.offset); expected increasing offsets")
            }
            if values.isEmpty, offset != .zero {
                throw reader.error(pair[0].node, pair[0].path, "the first offset is \(offset); expected 0s, so the value is defined from the start")
            }
            values.append(TimedValue(offset: offset, value: value))
        }
        guard !values.isEmpty else { throw reader.error(node, path, "expected at least one [offset, value] pair") }
        return values
    }
}
