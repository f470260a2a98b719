/// What a simulated run would cost on AWS at list prices: one ``CostLine`` per billed item, and the totals the
/// summaries show.
///
/// Billed: every execution of every simulated function (workers, the WorkerAssistant and the Scheduler run in
/// the Lambda fake, the Orchestrator's and the Scavenger's runs) as a Lambda request plus its GB-seconds;
/// DynamoDB's on-demand read and write request units as the fake consumed them (transactions double,
/// eventually consistent reads half), except on provisioned tables, billed instead for their read and write
/// capacity units per hour over the run, used or not; each successful CloudWatch GetMetricData / GetMetricStatistics call; each
/// successful SNS Publish. Storage, data transfer, logs and free tiers are left out.
public struct RunCost: Sendable, Hashable {
    /// The services priced, in the order reports list them.
    public static let services = ["lambda", "dynamodb", "cloudwatch", "sns"]
    /// The CloudWatch operations billed as API requests.
    static let cloudWatchRequests = ["GetMetricData", "GetMetricStatistics"]

    public var region: String
    public var priceFile: String
    public var pricesDate: String
    public var pricesSource: String
    /// Prices the scenario overrode.
    public var overridden: [PriceKey]
    /// Lambda per function (sorted by name), then DynamoDB, CloudWatch and SNS; items of zero quantity left out.
    public var lines: [CostLine]
    /// Lambda's bill per function, sorted by name.
    public var functions: [FunctionCost]
    public var lambdaRequests: Int
    public var lambdaGBSeconds: Double
    public var readRequestUnits: Double
    public var writeRequestUnits: Double

    /// Prices `functions` and `awsCalls` (a run's ``RunFigures/billedFunctions`` and ``RunFigures/awsCalls``), and
    /// the `provisioned` tables for `hours` (the run's simulated span).
    public init(
        pricing: Pricing, functions: [FunctionBilling], awsCalls: [OperationFigures],
        provisioned: [ProvisionedTableUsage] = [], hours: Double = 0
    ) {
        region = pricing.region
        priceFile = pricing.priceFile
        pricesDate = pricing.pricesDate
        pricesSource = pricing.pricesSource
        overridden = pricing.overridden
        let prices = pricing.prices
        var lines: [CostLine] = []
        @discardableResult
        func add(_ service: String, _ item: String, _ quantity: Double, _ unit: String, per: Double, _ price: PriceKey) -> Double {
            guard quantity > 0 else { return 0 }
            let usd = quantity * prices[price] / per
            lines.append(CostLine(service: service, item: item, quantity: quantity, unit: unit, usd: usd))
            return usd
        }
        var functionCosts: [FunctionCost] = []
        for function in functions.sorted(by: { $0.function < $1.function }) {
            let architecture = pricing.architecture(ofFunction: function.function)
            let requests = add(
                "lambda", "\(function.function) requests", Double(function.requests), "requests", per: 1_000_000, .lambdaRequests)
            let duration = add(
                "lambda", "\(function.function) duration (\(architecture.rawValue), \(function.memoryMB) MB)",
                function.gbSeconds, "GB-seconds", per: 1, .gbSecond(architecture))
            functionCosts.append(FunctionCost(
                function: function.function, architecture: architecture, memoryMB: function.memoryMB,
                requests: function.requests, gbSeconds: function.gbSeconds, usd: requests + duration))
        }
        self.functions = functionCosts
        lambdaRequests = functions.reduce(0) { $0 + $1.requests }
        lambdaGBSeconds = functions.reduce(0) { $0 + $1.gbSeconds }
        let dynamoDB = awsCalls.filter { $0.operation.hasPrefix("dynamodb.") }
        // Units consumed on provisioned tables are paid for by their capacity.
        readRequestUnits = max(0, dynamoDB.reduce(0) { $0 + $1.readCapacityUnits } - provisioned.reduce(0) { $0 + $1.consumedReadUnits })
        writeRequestUnits = max(0, dynamoDB.reduce(0) { $0 + $1.writeCapacityUnits } - provisioned.reduce(0) { $0 + $1.consumedWriteUnits })
        add("dynamodb", "read request units", readRequestUnits, "read request units", per: 1_000_000, .dynamoDBReadRequestUnits)
        add("dynamodb", "write request units", writeRequestUnits, "write request units", per: 1_000_000, .dynamoDBWriteRequestUnits)
        for table in provisioned {
            add("dynamodb", "\(table.table) provisioned read capacity", Double(table.readCapacityUnits) * hours, "RCU-hours",
                per: 1, .dynamoDBProvisionedReadCapacityHour)
            add("dynamodb", "\(table.table) provisioned write capacity", Double(table.writeCapacityUnits) * hours, "WCU-hours",
                per: 1, .dynamoDBProvisionedWriteCapacityHour)
        }
        for operation in Self.cloudWatchRequests {
            let calls = Self.successfulCalls(of: "cloudwatch.\(operation)", in: awsCalls)
            add("cloudwatch", "\(operation) requests", Double(calls), "requests", per: 1000, .cloudWatchMetricRequests)
        }
        add("sns", "Publish requests", Double(Self.successfulCalls(of: "sns.Publish", in: awsCalls)), "requests",
            per: 1_000_000, .snsPublishes)
        self.lines = lines
    }

    /// The sum of every line.
    public var totalUSD: Double {
        lines.reduce(0) { $0 + $1.usd }
    }

    /// The sum of `service`'s lines (0 for a service with none).
    public func usd(of service: String) -> Double {
        lines.filter { $0.service == service }.reduce(0) { $0 + $1.usd }
    }

    /// Every priced service with its sum, in ``services`` order.
    public var byService: [(service: String, usd: Double)] {
        Self.services.map { ($0, usd(of: $0)) }
    }

    private static func successfulCalls(of operation: String, in calls: [OperationFigures]) -> Int {
        calls.first { $0.operation == operation }.map { $0.calls - $0.errors } ?? 0
    }
}
