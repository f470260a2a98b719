import SoswCore
import Yams

extension ScenarioParser {
    func serviceLatency(_ node: Node) throws(ScenarioError) -> ServiceLatency {
        let fields = try reader.mapping(node, path: "latency", allowed: ["dynamodb", "lambda_invoke", "cloudwatch"])
        var latency = ServiceLatency()
        if let node = fields["dynamodb"] { latency.dynamodb = try latencyDistribution(node, path: "latency.dynamodb") }
        if let node = fields["lambda_invoke"] { latency.lambdaInvoke = try latencyDistribution(node, path: "latency.lambda_invoke") }
        if let node = fields["cloudwatch"] { latency.cloudwatch = try latencyDistribution(node, path: "latency.cloudwatch") }
        return latency
    }

    /// `{p50, p99}`: log-normal; both zero is an explicit "no latency" (a fixed zero).
    private func latencyDistribution(_ node: Node, path: String) throws(ScenarioError) -> Distribution {
        let fields = try reader.mapping(node, path: path, allowed: ["p50", "p99"])
        let (p50, p99) = try percentiles(node, fields: fields, path: path, low: "p50")
        if p50 == .zero {
            guard p99 == .zero else {
                throw reader.error(node, "\(path).p50", "p50 is 0 but p99 is \(p99); expected both zero (no latency) or p50 above zero")
            }
            return .fixed(.zero)
        }
        return .lognormal(median: p50, p99: p99)
    }

    func faultList(_ node: Node, known: DeclaredNames) throws(ScenarioError) -> [Fault] {
        var faults: [Fault] = []
        for element in try reader.elements(node, path: "faults") {
            let service = try reader.variant(element.node, path: element.path, among: ["dynamodb", "lambda", "cloudwatch", "sns", "essentials"])
            switch service.key {
            case "dynamodb":
                let kind = try reader.variant(
                    service.value, path: service.path,
                    among: ["throttle", "index_lag", "latency_spike", "internal_error", "conditional_race"])
                switch kind.key {
                case "throttle": faults.append(.dynamoDBThrottle(try throttle(kind.value, path: kind.path)))
                case "index_lag": faults.append(.dynamoDBIndexLag(try indexLag(kind.value, path: kind.path, known: known)))
                case "latency_spike": faults.append(.dynamoDBLatencySpike(try chanceOfDelay(kind.value, path: kind.path)))
                case "internal_error": faults.append(.dynamoDBInternalError(probability: try reader.probability(kind.value, path: kind.path)))
                default: faults.append(.dynamoDBConditionalRace(try chanceOfDelay(kind.value, path: kind.path)))
                }
            case "lambda":
                let fields = try faultFields(service, allowed: ["duplicate_delivery", "too_many_requests", "late_delivery", "timeout", "lost_event"])
                for (key, value, path) in fields {
                    switch key {
                    case "duplicate_delivery": faults.append(.lambdaDuplicateDelivery(probability: try reader.probability(value, path: path)))
                    case "too_many_requests": faults.append(.lambdaTooManyRequests(probability: try reader.probability(value, path: path)))
                    case "late_delivery": faults.append(.lambdaLateDelivery(try chanceOfDelay(value, path: path)))
                    case "timeout": faults.append(.lambdaTimeout(probability: try reader.probability(value, path: path)))
                    default: faults.append(.lambdaLostEvent(probability: try reader.probability(value, path: path)))
                    }
                }
            case "cloudwatch":
                for (key, value, path) in try faultFields(service, allowed: ["missing_datapoints", "delayed_datapoints"]) {
                    faults.append(key == "missing_datapoints"
                        ? .cloudWatchMissingDatapoints(probability: try reader.probability(value, path: path))
                        : .cloudWatchDelayedDatapoints(try chanceOfDelay(value, path: path)))
                }
            case "sns":
                for (_, value, path) in try faultFields(service, allowed: ["publish_failure"]) {
                    faults.append(.snsPublishFailure(probability: try reader.probability(value, path: path)))
                }
            default:
                for entry in try reader.entries(service.value, path: service.path) {
                    faults.append(.essential(try essentialFault(entry)))
                }
            }
        }
        return faults
    }

    /// The keys of one service's fault mapping that are present, in the order of `allowed`; at least one.
    private func faultFields(_ service: NodeReader.Entry, allowed: [String]) throws(ScenarioError) -> [(String, Node, String)] {
        let fields = try reader.mapping(service.value, path: service.path, allowed: allowed)
        let present = allowed.compactMap { key in fields[key].map { (key, $0, "\(service.path).\(key)") } }
        guard !present.isEmpty else {
            throw reader.error(service.value, service.path, "no fault given; expected one or more of: \(allowed.joined(separator: ", "))")
        }
        return present
    }

    /// `{probability, delay}`: fires with `probability`, then delays by up to `delay` (above zero).
    private func chanceOfDelay(_ node: Node, path: String) throws(ScenarioError) -> ChanceOfDelay {
        let fields = try reader.mapping(node, path: path, allowed: ["probability", "delay"])
        return ChanceOfDelay(
            probability: try reader.probability(
                reader.required(fields["probability"], path: "\(path).probability", in: node, expected: "the share of calls or events it hits"),
                path: "\(path).probability"),
            delay: try reader.duration(
                reader.required(fields["delay"], path: "\(path).delay", in: node, expected: "the longest delay, e.g. 2s"),
                path: "\(path).delay", positive: true))
    }

    private func throttle(_ node: Node, path: String) throws(ScenarioError) -> DynamoDBThrottle {
        let fields = try reader.mapping(node, path: path, allowed: ["table", "index", "from", "for", "probability", "kind"])
        func required(_ key: String, _ expected: String) throws(ScenarioError) -> Node {
            try reader.required(fields[key], path: "\(path).\(key)", in: node, expected: expected)
        }
        var throttle = DynamoDBThrottle(
            table: try reader.name(required("table", "a table name, e.g. sosw_tasks"), path: "\(path).table"),
            index: try fields["index"].map { node throws(ScenarioError) in try reader.name(node, path: "\(path).index") },
            from: try reader.duration(required("from", "when it begins, after the start"), path: "\(path).from"),
            duration: try reader.duration(required("for", "how long it lasts"), path: "\(path).for", positive: true),
            probability: try reader.probability(required("probability", "the share of requests refused"), path: "\(path).probability"))
        if let node = fields["kind"] {
            throttle.kind = DynamoDBThrottle.Kind(rawValue: try reader.choice(node, path: "\(path).kind", among: DynamoDBThrottle.Kind.allCases.map(\.rawValue)))!
        }
        return throttle
    }

    /// `{index, p50, p99}` (and `table` for an index outside sosw's three tables).
    private func indexLag(_ node: Node, path: String, known: DeclaredNames) throws(ScenarioError) -> IndexLag {
        let fields = try reader.mapping(node, path: path, allowed: ["table", "index", "p50", "p99"])
        let indexNode = try reader.required(fields["index"], path: "\(path).index", in: node, expected: "an index name, e.g. sosw_tasks_greenfield")
        let index = try reader.name(indexNode, path: "\(path).index")
        let (p50, p99) = try percentiles(node, fields: fields, path: path, low: "p50")
        guard p50 > .zero else { throw reader.error(node, "\(path).p50", "expected a lag above zero, got \(p50)") }
        let table: String
        if let tableNode = fields["table"] {
            table = try reader.name(tableNode, path: "\(path).table")
        } else {
            let config = known.taskManager ?? (try? TaskManagerConfig(document: [:]))
            let indexes = config.map { [($0.greenfieldIndex, $0.tasksTable), ($0.closedTasksStatusIndex, $0.closedTasksTable), ($0.retryTasksIndex, $0.retryTasksTable)] } ?? []
            guard let owner = indexes.first(where: { $0.0 == index }) else {
                throw reader.error(indexNode, "\(path).index", "\(NearMiss.unknownName("index", index, among: indexes.map(\.0), declaredIn: "sosw's indexes")); give `table` for another index")
            }
            table = owner.1
        }
        return IndexLag(table: table, index: index, lag: .lognormal(median: p50, p99: p99))
    }

    private func essentialFault(_ entry: NodeReader.Entry) throws(ScenarioError) -> EssentialFault {
        let names = Essential.allCases.map(\.rawValue)
        guard let essential = Essential(rawValue: entry.key) else {
            throw reader.error(entry.keyNode, entry.path, "unknown essential;\(NearMiss.hint(for: entry.key, among: names)) expected one of: \(names.joined(separator: ", "))")
        }
        let fields = try reader.mapping(entry.value, path: entry.path, allowed: ["overlap", "crash"])
        return EssentialFault(
            essential: essential,
            overlap: try fields["overlap"].map { node throws(ScenarioError) in try reader.probability(node, path: "\(entry.path).overlap") } ?? 0,
            crash: try fields["crash"].map { node throws(ScenarioError) in try reader.probability(node, path: "\(entry.path).crash") } ?? 0)
    }
}
