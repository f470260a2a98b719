import SoswCore
import Yams

extension ScenarioParser {
    /// Expectations measuring a count for one labourer, by key.
    static let labourerCounts = ["completed", "dead", "invocations", "retries", "max_running", "duplicate_executions"]
    static let expectationKinds = ["all_closed_by", "drained"] + labourerCounts
        + LatencyPercentile.allCases.map(\.key) + ["no_duplicate_invocations", "throttles", "aws_calls"]

    func expectationList(_ node: Node) throws(ScenarioError) -> [Expectation] {
        var expectations: [Expectation] = []
        for element in try reader.elements(node, path: "expect") {
            let form = try reader.variant(element.node, path: element.path, among: Self.expectationKinds)
            expectations.append(try expectation(form))
        }
        return expectations
    }

    private func expectation(_ form: NodeReader.Entry) throws(ScenarioError) -> Expectation {
        let path = form.path
        switch form.key {
        case "all_closed_by":
            return .allClosedBy(try reader.duration(form.value, path: path))
        case "no_duplicate_invocations":
            guard try reader.bool(form.value, path: path) else {
                throw reader.error(form.value, path, "only `true` can be checked; remove the entry to not check it")
            }
            return .noDuplicateInvocations
        case "drained":
            let fields = try reader.mapping(form.value, path: path, allowed: ["labourer", "by"])
            return .drained(
                labourer: try expectedLabourer(form.value, fields: fields, path: path),
                by: try reader.duration(reader.required(fields["by"], path: "\(path).by", in: form.value, expected: "a duration from the start"), path: "\(path).by"))
        case "throttles":
            let fields = try reader.mapping(form.value, path: path, allowed: ["function"] + Self.boundKeys)
            let functionNode = try reader.required(fields["function"], path: "\(path).function", in: form.value, expected: "a function of lambda.functions")
            let function = try reader.name(functionNode, path: "\(path).function")
            return .throttles(function: function, try countBounds(form.value, fields: fields, path: path))
        case "aws_calls":
            let fields = try reader.mapping(form.value, path: path, allowed: ["operation"] + Self.boundKeys)
            let operation = try fields["operation"].map { node throws(ScenarioError) in try awsOperation(node, path: "\(path).operation") }
            return .awsCalls(operation: operation, try countBounds(form.value, fields: fields, path: path))
        default:
            if let percentile = LatencyPercentile.allCases.first(where: { $0.key == form.key }) {
                let fields = try reader.mapping(form.value, path: path, allowed: ["labourer"] + Self.boundKeys)
                let labourer = try expectedLabourer(form.value, fields: fields, path: path)
                let bounds = try bounds(form.value, fields: fields, path: path) { node, path throws(ScenarioError) in try reader.duration(node, path: path) }
                return .latency(labourer: labourer, percentile: percentile, bounds)
            }
            let fields = try reader.mapping(form.value, path: path, allowed: ["labourer"] + Self.boundKeys)
            let labourer = try expectedLabourer(form.value, fields: fields, path: path)
            let bounds = try countBounds(form.value, fields: fields, path: path)
            switch form.key {
            case "completed": return .completed(labourer: labourer, bounds)
            case "dead": return .dead(labourer: labourer, bounds)
            case "invocations": return .invocations(labourer: labourer, bounds)
            case "retries": return .retries(labourer: labourer, bounds)
            case "max_running": return .maxRunning(labourer: labourer, bounds)
            default: return .duplicateExecutions(labourer: labourer, bounds)
            }
        }
    }

    /// A labourer id of the config, or a function name (the worker side of a labourer).
    private func expectedLabourer(_ node: Node, fields: [String: Node], path: String) throws(ScenarioError) -> String {
        let labourerNode = try reader.required(fields["labourer"], path: "\(path).labourer", in: node, expected: "a labourer id")
        return try reader.name(labourerNode, path: "\(path).labourer")
    }

    /// `dynamodb.Query`, `lambda.Invoke`: a service and an operation, as `summary.json` counts them.
    private func awsOperation(_ node: Node, path: String) throws(ScenarioError) -> String {
        let operation = try reader.name(node, path: path)
        let parts = operation.split(separator: ".", omittingEmptySubsequences: false)
        let services = ["dynamodb", "lambda", "cloudwatch", "sns"]
        guard parts.count == 2, services.contains(String(parts[0])), let first = parts[1].first, first.isUppercase,
            parts[1].allSatisfy({ $0.isASCII && $0.isLetter })
        else {
            throw reader.error(node, path, "'\(operation)' is not an operation; expected <service>.<Operation> with service one of \(services.joined(separator: ", ")), e.g. dynamodb.Query")
        }
        return operation
    }

    static let boundKeys = ["at_least", "at_most", "between"]

    private func countBounds(_ node: Node, fields: [String: Node], path: String) throws(ScenarioError) -> Bounds<Int> {
        try bounds(node, fields: fields, path: path) { node, path throws(ScenarioError) in
            Int(try reader.integer(node, path: path, in: 0...Int64(Int32.max)))
        }
    }

    /// `at_least`, `at_most` (one or both) or `between: [low, high]`.
    private func bounds<Value>(
        _ node: Node, fields: [String: Node], path: String, read: (Node, String) throws(ScenarioError) -> Value
    ) throws(ScenarioError) -> Bounds<Value> {
        if let between = fields["between"] {
            guard fields["at_least"] == nil, fields["at_most"] == nil else {
                throw reader.error(between, "\(path).between", "`between` excludes `at_least` and `at_most`; expected one form")
            }
            let ends = try reader.elements(between, path: "\(path).between")
            guard ends.count == 2 else {
                throw reader.error(between, "\(path).between", "expected [low, high], got \(ends.count) elements")
            }
            let low = try read(ends[0].node, ends[0].path)
            let high = try read(ends[1].node, ends[1].path)
            guard low <= high else { throw reader.error(between, "\(path).between", "the low end \(low) is above the high end \(high)") }
            return Bounds(atLeast: low, atMost: high)
        }
        let atLeast = try fields["at_least"].map { node throws(ScenarioError) in try read(node, "\(path).at_least") }
        let atMost = try fields["at_most"].map { node throws(ScenarioError) in try read(node, "\(path).at_most") }
        guard atLeast != nil || atMost != nil else {
            throw reader.error(node, path, "missing a bound; expected at_least, at_most or between")
        }
        if let atLeast, let atMost, atLeast > atMost {
            throw reader.error(node, path, "at_least (\(atLeast)) is above at_most (\(atMost)); nothing could pass")
        }
        return Bounds(atLeast: atLeast, atMost: atMost)
    }
}
