import SoswCore

/// The committed figures of one scenario that `sosw check --baseline` holds later runs to
/// (`reports/baselines/<scenario>.json`): drain time, each labourer's p99 latency, cost and AWS calls in total,
/// plus what explains them (the events hash, the commit, per-labourer counts, calls by operation, cost by
/// service) so a reviewer can see why a figure moved. Wall time is left out: it measures the machine, not sosw.
public struct ScenarioBaseline: Sendable, Hashable {
    public var scenario: String
    public var seed: UInt64
    /// Compared figures by name (`drained_after_seconds`, `latency_p99_seconds.<labourer>`, `cost_usd`,
    /// `aws_calls_total`); nil for a run that did not drain.
    public var figures: [String: Double?]
    /// Not compared; shown to explain a change.
    public var context: JSONValue

    public init(scenario: String, seed: UInt64, figures: [String: Double?], context: JSONValue) {
        self.scenario = scenario
        self.seed = seed
        self.figures = figures
        self.context = context
    }

    /// Why a baseline file could not be read.
    public struct Malformed: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The figures of a run's `summary.json` document.
    public init(summary: JSONValue) {
        scenario = summary["scenario"]?.stringValue ?? ""
        seed = summary["seed"]?.intValue.map { UInt64(bitPattern: $0) } ?? 0
        var figures: [String: Double?] = ["drained_after_seconds": summary["drained_after_seconds"]?.doubleValue]
        var labourers: [String: JSONValue] = [:]
        for (id, labourer) in summary["labourers"]?.objectValue ?? [:] {
            figures["latency_p99_seconds.\(id)"] = labourer["latency_seconds"]?["p99"]?.doubleValue
            labourers[id] = .object(
                (labourer.objectValue ?? [:]).filter { Self.labourerCounts.contains($0.key) })
        }
        figures["aws_calls_total"] = summary["aws_calls"]?["total"]?.doubleValue
        if let cost = Self.totalCost(in: summary) { figures["cost_usd"] = cost }
        self.figures = figures
        var context: [String: JSONValue] = [
            "events_sha256": summary["events_sha256"] ?? .null, "commit": summary["commit"] ?? .null,
            "scenario_sha256": summary["scenario_sha256"] ?? .null, "events": summary["events"] ?? .null,
            "labourers": .object(labourers),
            "aws_calls_by_operation": summary["aws_calls"]?["by_operation"] ?? .object([:]),
        ]
        if let byService = summary["cost"]?["by_service"] { context["cost_by_service"] = byService }
        self.context = .object(context)
    }

    /// The counts kept per labourer to explain a change in the compared figures.
    static let labourerCounts: Set<String> = ["created", "completed", "dead", "invocations", "retries", "expired", "peak_running", "cap"]

    /// The run's total cost in US dollars, where the summary has one (`cost.total_usd`).
    static func totalCost(in summary: JSONValue) -> Double? {
        summary["cost"]?["total_usd"]?.doubleValue
    }

    /// The document written to `reports/baselines/<scenario>.json`; whole numbers (counts) as integers.
    public var json: JSONValue {
        var compared: [String: JSONValue] = [:]
        for (name, value) in figures {
            compared[name] = value.map { $0 == $0.rounded() && abs($0) < 1e15 ? .int(Int64($0)) : .double($0) } ?? .null
        }
        return .object([
            "scenario": .string(scenario), "seed": .int(Int64(bitPattern: seed)), "figures": .object(compared),
            "explain": context,
        ])
    }

    /// ``json`` as the committed file holds it: one key per line, sorted, so a changed figure is a one-line diff.
    public var text: String {
        Self.indented(json, depth: 0) + "\n"
    }

    private static func indented(_ value: JSONValue, depth: Int) -> String {
        guard case .object(let object) = value, !object.isEmpty else { return value.serialized() }
        let inner = String(repeating: "  ", count: depth + 1)
        let entries = object.keys.sorted(by: JSONValue.utf8Order).map { key in
            "\(inner)\(JSONValue.string(key).serialized()): \(indented(object[key]!, depth: depth + 1))"
        }
        return "{\n" + entries.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: depth) + "}"
    }

    /// Reads a baseline document written by ``json``.
    public init(json: JSONValue, file: String) throws(Malformed) {
        guard let scenario = json["scenario"]?.stringValue, let seed = json["seed"]?.intValue,
            let compared = json["figures"]?.objectValue
        else {
            throw Malformed(description: "\(file): not a baseline; expected an object with scenario, seed and figures (written by sosw check --write-baseline)")
        }
        var figures: [String: Double?] = [:]
        for (name, value) in compared {
            if value == .null {
                figures[name] = .some(nil)
            } else if let number = value.doubleValue {
                figures[name] = number
            } else {
                throw Malformed(description: "\(file): figures.\(name): expected a number or null, got \(value.serialized())")
            }
        }
        self.init(scenario: scenario, seed: UInt64(bitPattern: seed), figures: figures, context: json["explain"] ?? .object([:]))
    }
}
