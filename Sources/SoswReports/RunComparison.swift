import SoswCore

/// Two runs' `summary.json` documents figure by figure, for `sosw compare`: what changed between a run and
/// another (another cap, another commit, another seed), with the change in absolute terms and in percent.
///
/// Works on the JSON documents rather than on ``RunSummary`` so runs written by older builds, and figures added
/// later, are compared without a matching release of this type: every number in the document is a figure, and
/// a figure only one run has is shown with the other side empty.
public struct RunComparison: Sendable, Hashable {
    public var groups: [Group]

    /// The figures of one part of the summary: `run`, `labourer <id>`, `function <name>`, `AWS calls`, `cost`,
    /// `expectations`.
    public struct Group: Sendable, Hashable {
        public var name: String
        public var rows: [Row]
    }

    /// One figure of both runs.
    public struct Row: Sendable, Hashable {
        /// The key path inside the group (`latency_seconds.p99`, `dynamodb.Query`).
        public var figure: String
        public var before: Value?
        public var after: Value?

        /// `after - before`, when both are numbers.
        public var change: Double? {
            guard case .number(let old)? = before, case .number(let new)? = after else { return nil }
            return new - old
        }

        /// The change in percent of `before`; 0 when both are 0, nil when only `before` is 0 (no finite percent).
        public var percent: Double? {
            guard let change, case .number(let old)? = before else { return nil }
            if old == 0 { return change == 0 ? 0 : nil }
            return change / abs(old) * 100
        }
    }

    /// A figure's value: a number, or text for what identifies a run (scenario, seed's commit, events hash) and
    /// for an expectation's verdict.
    public enum Value: Sendable, Hashable {
        case number(Double)
        case text(String)
    }

    /// Compares `before` with `after` (both `summary.json` documents).
    public init(before: JSONValue, after: JSONValue) {
        let old = Self.figures(of: before)
        let new = Self.figures(of: after)
        var groups: [Group] = []
        for name in Self.groupOrder(Set(old.keys).union(new.keys)) {
            let oldRows = old[name] ?? [:]
            let newRows = new[name] ?? [:]
            let figures = Set(oldRows.keys).union(newRows.keys).sorted()
            groups.append(Group(name: name, rows: figures.map { Row(figure: $0, before: oldRows[$0], after: newRows[$0]) }))
        }
        self.groups = groups
    }

    /// Rows that differ between the two runs.
    public var changedRows: [Row] {
        groups.flatMap(\.rows).filter { $0.before != $0.after }
    }

    /// Keys left out: the scenario's free-text description, which is no figure.
    static let ignoredTopLevel: Set<String> = ["description"]

    /// Every figure of a summary, by group then figure name.
    static func figures(of summary: JSONValue) -> [String: [String: Value]] {
        var groups: [String: [String: Value]] = [:]
        for (key, value) in summary.objectValue ?? [:] where !ignoredTopLevel.contains(key) {
            switch key {
            case "labourers", "functions":
                let kind = key == "labourers" ? "labourer" : "function"
                for (name, figures) in value.objectValue ?? [:] {
                    flatten(figures, prefix: "", into: &groups["\(kind) \(name)", default: [:]])
                }
            case "aws_calls":
                flatten(value, prefix: "", into: &groups["AWS calls", default: [:]])
            case "expectations":
                for expectation in value.arrayValue ?? [] {
                    guard let name = expectation["name"]?.stringValue else { continue }
                    let verdict = expectation["passed"]?.boolValue == true ? "pass" : "FAIL"
                    let measured = expectation["measured"]?.stringValue ?? ""
                    groups["expectations", default: [:]][name] = .text("\(verdict), measured \(measured)")
                }
            default:
                if case .object = value {
                    flatten(value, prefix: "", into: &groups[key == "cost" ? "cost" : key, default: [:]])
                } else {
                    flatten(value, prefix: key, into: &groups["run", default: [:]])
                }
            }
        }
        return groups
    }

    /// Numbers, booleans (as 0/1) and strings under `value`, keyed by dotted path from `prefix`.
    private static func flatten(_ value: JSONValue, prefix: String, into rows: inout [String: Value]) {
        func join(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }
        switch value {
        case .object(let object):
            for (key, child) in object { flatten(child, prefix: join(key), into: &rows) }
        case .array(let array):
            // Elements that name themselves (cost lines by `service` and `item`) are matched by name, not position.
            for (index, child) in array.enumerated() {
                let name = child["item"]?.stringValue.map { item in child["service"]?.stringValue.map { "\($0) \(item)" } ?? item }
                flatten(child, prefix: join(name ?? String(index)), into: &rows)
            }
        case .int(let number):
            rows[prefix] = .number(Double(number))
        case .double(let number):
            rows[prefix] = .number(number)
        case .bool(let flag):
            rows[prefix] = .text(flag ? "true" : "false")
        case .string(let text):
            rows[prefix] = .text(text)
        case .null:
            rows[prefix] = .text("none")
        }
    }

    /// `run` first, then labourers, functions, AWS calls, cost, anything else by name, expectations last.
    private static func groupOrder(_ names: Set<String>) -> [String] {
        func rank(_ name: String) -> Int {
            switch name {
            case "run": 0
            case _ where name.hasPrefix("labourer "): 1
            case _ where name.hasPrefix("function "): 2
            case "AWS calls": 3
            case "cost": 4
            case "expectations": 6
            default: 5
            }
        }
        return names.sorted { (rank($0), $0) < (rank($1), $1) }
    }
}
