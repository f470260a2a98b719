import SoswCore
import Yams

extension ScenarioParser {
    static let functionKeys = [
        "timeout", "memory_mb", "duration", "outcomes", "outcome_scope", "max_retry_attempts", "max_event_age",
        "reserved_concurrency",
    ]
    static let distributionForms = ["fixed", "uniform", "lognormal", "exponential", "empirical"]

    func lambdaSettings(_ node: Node) throws(ScenarioError) -> LambdaSettings {
        let fields = try reader.mapping(node, path: "lambda", allowed: ["account_concurrency", "functions"])
        let account = try fields["account_concurrency"].map { node throws(ScenarioError) in
            Int(try reader.integer(node, path: "lambda.account_concurrency", in: 1...Int64(Int32.max)))
        } ?? LambdaSettings.defaultAccountConcurrency
        var functions: [FunctionModel] = []
        if let functionsNode = fields["functions"] {
            for entry in try reader.entries(functionsNode, path: "lambda.functions") {
                functions.append(try functionModel(entry, accountConcurrency: account))
            }
            let reserved = functions.compactMap(\.reservedConcurrency).reduce(0, +)
            if reserved > account {
                throw reader.error(functionsNode, "lambda.functions", "reserved_concurrency adds up to \(reserved), above account_concurrency \(account)")
            }
        }
        return LambdaSettings(accountConcurrency: account, functions: functions)
    }

    private func functionModel(_ entry: NodeReader.Entry, accountConcurrency: Int) throws(ScenarioError) -> FunctionModel {
        let path = entry.path
        let fields = try reader.mapping(entry.value, path: path, allowed: Self.functionKeys)
        var model = FunctionModel(
            name: entry.key,
            duration: try distribution(
                reader.required(fields["duration"], path: "\(path).duration", in: entry.value,
                                expected: "how long the worker runs, e.g. {lognormal: {median: 3m, p99: 12m}}"),
                path: "\(path).duration"))
        if let node = fields["timeout"] {
            model.timeout = try reader.duration(node, path: "\(path).timeout")
        }
        if let node = fields["memory_mb"] {
            model.memoryMB = Int(try reader.integer(node, path: "\(path).memory_mb", in: 128...10240))
        }
        if let node = fields["outcomes"] { model.outcomes = try outcomeMix(node, path: "\(path).outcomes") }
        if let node = fields["outcome_scope"] {
            let scope = try reader.choice(node, path: "\(path).outcome_scope", among: OutcomeScope.allCases.map(\.rawValue))
            model.outcomeScope = OutcomeScope(rawValue: scope)!
        }
        if let node = fields["max_retry_attempts"] {
            model.maxRetryAttempts = Int(try reader.integer(node, path: "\(path).max_retry_attempts", in: 0...2))
        }
        if let node = fields["max_event_age"] {
            let age = try reader.duration(node, path: "\(path).max_event_age")
            guard age >= FunctionModel.minimumEventAge, age <= FunctionModel.maximumEventAge else {
                throw reader.error(node, "\(path).max_event_age", "expected from 60s to 6h (Lambda's limits), got \(age)")
            }
            model.maxEventAge = age
        }
        if let node = fields["reserved_concurrency"] {
            model.reservedConcurrency = Int(try reader.integer(node, path: "\(path).reserved_concurrency", in: 0...Int64(accountConcurrency)))
        }
        return model
    }

    /// `{complete, fail, hang}` probabilities, absent ones 0, summing to 1 (within 1e-9).
    private func outcomeMix(_ node: Node, path: String) throws(ScenarioError) -> WorkerOutcomes {
        let fields = try reader.mapping(node, path: path, allowed: WorkerOutcome.allCases.map(\.rawValue))
        func probability(_ key: String) throws(ScenarioError) -> Double {
            try fields[key].map { node throws(ScenarioError) in try reader.probability(node, path: "\(path).\(key)") } ?? 0
        }
        let (complete, fail, hang) = (try probability("complete"), try probability("fail"), try probability("hang"))
        let sum = complete + fail + hang
        guard abs(sum - 1) <= 1e-9 else {
            throw reader.error(node, path, "probabilities sum to \(rounded(sum)); expected 1")
        }
        return WorkerOutcomes(complete: complete, fail: fail, hang: hang)
    }

    /// A duration distribution: `{fixed: 2m}`, `{uniform: [1m, 5m]}`, `{lognormal: {median: 3m, p99: 12m}}`,
    /// `{exponential: 3m}` (the mean) or `{empirical: file.csv}` (seconds, one per line).
    func distribution(_ node: Node, path: String) throws(ScenarioError) -> Distribution {
        let form = try reader.variant(node, path: path, among: Self.distributionForms)
        switch form.key {
        case "fixed":
            return .fixed(try reader.duration(form.value, path: form.path))
        case "uniform":
            let bounds = try durationPair(form.value, path: form.path)
            guard bounds.low <= bounds.high else {
                throw reader.error(form.value, form.path, "the low end (\(bounds.low)) is above the high end (\(bounds.high))")
            }
            return .uniform(bounds.low, bounds.high)
        case "lognormal":
            let fields = try reader.mapping(form.value, path: form.path, allowed: ["median", "p99"])
            let percentiles = try percentiles(form.value, fields: fields, path: form.path, low: "median")
            guard percentiles.low > .zero else {
                throw reader.error(form.value, "\(form.path).median", "expected a median above zero, got \(percentiles.low)")
            }
            return .lognormal(median: percentiles.low, p99: percentiles.high)
        case "exponential":
            return .exponential(mean: try reader.duration(form.value, path: form.path, positive: true))
        default:
            let file = try referencedFile(form.value, path: form.path)
            do {
                return .empirical(try ScenarioCSV.durations(file.text))
            } catch {
                throw reader.error(form.value, form.path, "\(file.name) line \(error.line): \(error.message)")
            }
        }
    }

    /// `[low, high]` durations.
    func durationPair(_ node: Node, path: String) throws(ScenarioError) -> (low: Duration, high: Duration) {
        let elements = try reader.elements(node, path: path)
        guard elements.count == 2 else {
            throw reader.error(node, path, "expected two durations [low, high], got \(elements.count) elements")
        }
        return (try reader.duration(elements[0].node, path: elements[0].path), try reader.duration(elements[1].node, path: elements[1].path))
    }

    /// `{<low>: d, p99: d}` with p99 >= the low percentile (`median` or `p50`).
    func percentiles(_ node: Node, fields: [String: Node], path: String, low: String) throws(ScenarioError) -> (low: Duration, high: Duration) {
        let lowValue = try reader.duration(reader.required(fields[low], path: "\(path).\(low)", in: node, expected: "a duration"), path: "\(path).\(low)")
        let p99 = try reader.duration(reader.required(fields["p99"], path: "\(path).p99", in: node, expected: "a duration"), path: "\(path).p99")
        guard p99 >= lowValue else {
            throw reader.error(node, path, "p99 (\(p99)) is below \(low) (\(lowValue)); expected p99 >= \(low)")
        }
        return (lowValue, p99)
    }

    /// A number for messages: at most nine decimals, so a float sum reads `0.95`, not `0.9500000000000001`.
    func rounded(_ value: Double) -> String {
        let scaled = (value * 1e9).rounded() / 1e9
        return scaled == scaled.rounded() ? String(Int64(scaled)) : String(scaled)
    }
}
