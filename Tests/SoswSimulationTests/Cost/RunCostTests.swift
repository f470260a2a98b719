import SoswCore
@testable import SoswSimulation
import Testing

@Suite("What a simulated run costs")
struct RunCostTests {
    /// 20 tasks of a 512 MB worker that runs exactly 2 s and then reports in one async invoke of 10 ms, so every
    /// execution is billed 2,010 ms; every latency fixed, so every run of the essentials lasts whole milliseconds.
    static func handScenario(pricing: String = "") -> String {
        """
        name: by-hand
        start: 2026-01-05T02:00:00Z
        stop: {when: drained, at_most: 1h}
        essentials:
          orchestrator: {every: 1m}
          scavenger: {every: 1m, offset: 30s}
        config:
          task_config:
            labourers:
              hand:
                arn: arn:aws:lambda:eu-west-1:000000000000:function:hand
                max_simultaneous_invocations: 20
        lambda:
          functions:
            hand: {memory_mb: 512, duration: {fixed: 2s}}
        latency:
          dynamodb: {p50: 5ms, p99: 5ms}
          lambda_invoke: {p50: 10ms, p99: 10ms}
          cloudwatch: {p50: 30ms, p99: 30ms}
        load:
          - {at: 0s, tasks: {labourer: hand, count: 20}}

        """ + pricing
    }

    static func run(_ text: String) throws -> ScenarioRun.Result {
        let scenario = try ScenarioLoader().scenario(yaml: text, file: "by-hand.yaml")
        return try ScenarioRun(scenario).run(strict: true, keepsLines: true)
    }

    @Test("20 executions of 2,010 ms at 512 MB, and each essential's runs, priced as computed by hand")
    func byHand() throws {
        let result = try Self.run(Self.handScenario())
        let cost = result.cost
        let prices = try #require(PriceList.builtIn.regions["eu-west-1"])
        #expect(cost.region == "eu-west-1" && cost.pricesDate == "2025-06-01" && cost.priceFile == "built-in")

        let worker = try #require(result.figures.billedFunctions.first { $0.function == "hand" })
        #expect(worker.requests == 20 && worker.billedMilliseconds == 20 * 2010 && worker.memoryMB == 512)
        let workerGBSeconds = 20 * 2.010 * 0.5
        let requests = try #require(cost.lines.first { $0.item == "hand requests" })
        #expect(requests.quantity == 20 && requests.unit == "requests")
        #expect(abs(requests.usd - 20 * 0.20 / 1_000_000) < 1e-15)
        let duration = try #require(cost.lines.first { $0.item == "hand duration (x86_64, 512 MB)" })
        #expect(abs(duration.quantity - workerGBSeconds) < 1e-12 && duration.unit == "GB-seconds")
        #expect(abs(duration.usd - workerGBSeconds * 0.0000166667) < 1e-15)

        // The Orchestrator's and the Scavenger's runs: each one's length from its essential.started and
        // essential.finished events; the WorkerAssistant's executions from the Lambda fake's worker.finished.
        let lines = try EventLogLines(result)
        var measured: [String: (runs: Int, milliseconds: Int64)] = [:]
        func add(_ function: String, seconds: Double) {
            let previous = measured[function] ?? (0, 0)
            measured[function] = (previous.runs + 1, previous.milliseconds + max(1, Int64((seconds * 1000).rounded())))
        }
        var began: [String: Double] = [:]
        for event in lines.events {
            guard let time = event["t"]?.doubleValue else { continue }
            if event["event"] == "worker.finished", event["function"] == "sosw_worker_assistant",
                let seconds = event["duration"]?.doubleValue
            {
                add("sosw_worker_assistant", seconds: seconds)
            }
            guard let essential = event["essential"]?.stringValue, essential != "worker_assistant",
                let run = event["run"]?.intValue
            else { continue }
            if event["event"] == "essential.started" { began["\(essential)#\(run)"] = time }
            if event["event"] == "essential.finished", let start = began["\(essential)#\(run)"] {
                add("sosw_\(essential)", seconds: time - start)
            }
        }
        let memory = ["sosw_orchestrator": 256, "sosw_scavenger": 256, "sosw_worker_assistant": 128]
        var expectedGBSeconds = workerGBSeconds
        var expectedRequests = 20
        for (function, memoryMB) in memory {
            let runs = try #require(measured[function], "\(function) never ran")
            let billed = try #require(result.figures.billedFunctions.first { $0.function == function })
            #expect(billed.requests == runs.runs && billed.billedMilliseconds == runs.milliseconds, "\(function)")
            #expect(billed.memoryMB == memoryMB)
            expectedGBSeconds += Double(runs.milliseconds) / 1000 * Double(memoryMB) / 1024
            expectedRequests += runs.runs
        }
        #expect(measured["sosw_worker_assistant"]?.runs == 20)
        #expect(result.figures.billedFunctions.map(\.function) == ["hand", "sosw_orchestrator", "sosw_scavenger", "sosw_worker_assistant"])
        #expect(cost.lambdaRequests == expectedRequests)
        #expect(abs(cost.lambdaGBSeconds - expectedGBSeconds) < 1e-9)
        let lambdaUSD = Double(expectedRequests) * 0.20 / 1_000_000 + expectedGBSeconds * 0.0000166667
        #expect(abs(cost.usd(of: "lambda") - lambdaUSD) < 1e-12)

        // DynamoDB: the units the calls consumed, reads and writes apart, at eu-west-1's prices.
        let dynamoDB = result.figures.awsCalls.filter { $0.operation.hasPrefix("dynamodb.") }
        let reads = dynamoDB.reduce(0) { $0 + $1.readCapacityUnits }
        let writes = dynamoDB.reduce(0) { $0 + $1.writeCapacityUnits }
        #expect(reads > 0 && writes > 0)
        #expect(result.figures.awsCalls.first { $0.operation == "dynamodb.Query" }?.writeCapacityUnits == 0)
        #expect(result.figures.awsCalls.first { $0.operation == "dynamodb.UpdateItem" }?.readCapacityUnits == 0)
        #expect(cost.readRequestUnits == reads && cost.writeRequestUnits == writes)
        let dynamoDBUSD = reads * prices[.dynamoDBReadRequestUnits] / 1_000_000 + writes * prices[.dynamoDBWriteRequestUnits] / 1_000_000
        #expect(abs(cost.usd(of: "dynamodb") - dynamoDBUSD) < 1e-15)
        #expect(cost.usd(of: "sns") == 0 && cost.usd(of: "cloudwatch") == 0)
        #expect(abs(cost.totalUSD - (lambdaUSD + dynamoDBUSD)) < 1e-12)
        #expect(cost.byService.map(\.service) == ["lambda", "dynamodb", "cloudwatch", "sns"])
    }

    @Test("a pricing: override changes the total by exactly the overridden price's share")
    func overrideChangesTheTotal() throws {
        let list = try Self.run(Self.handScenario())
        let cheaper = try Self.run(Self.handScenario(pricing: "pricing: {prices: {lambda: {gb_second: {x86_64: 0.00001}}}}\n"))
        #expect(cheaper.eventsSHA256 == list.eventsSHA256)
        #expect(cheaper.cost.lambdaGBSeconds == list.cost.lambdaGBSeconds)
        let difference = list.cost.lambdaGBSeconds * (0.0000166667 - 0.00001)
        #expect(abs((list.cost.totalUSD - cheaper.cost.totalUSD) - difference) < 1e-12)
        #expect(cheaper.cost.overridden == [.lambdaGBSecondX86])
        let arm = try Self.run(Self.handScenario(pricing: "pricing: {architecture: arm64}\n"))
        #expect(arm.cost.lines.contains { $0.item == "hand duration (arm64, 512 MB)" })
        #expect(abs(arm.cost.usd(of: "lambda") - (Double(arm.cost.lambdaRequests) * 0.2 / 1e6 + arm.cost.lambdaGBSeconds * 0.0000133334)) < 1e-12)
    }

    @Test("a transactional write is billed twice the write units of the same write made alone")
    func transactionalWriteCostsDouble() async throws {
        let counter = AWSCallCounter()
        let dynamoDB = CountedDynamoDB(InMemoryDynamoDB(clock: ManualTestClock(), random: SeededRandom(seed: 1)), counter: counter)
        _ = try await dynamoDB.createTable(CreateTableInput(
            tableName: "tab", keySchema: [.init(attributeName: "pk", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "pk", attributeType: .string)], billingMode: .payPerRequest))
        let payload = AttributeValue.s(String(repeating: "x", count: 1500))
        _ = try await dynamoDB.putItem(PutItemInput(tableName: "tab", item: ["pk": .s("a"), "payload": payload]))
        _ = try await dynamoDB.transactWriteItems(TransactWriteItemsInput(transactItems: [
            TransactWriteItem(put: TransactPut(tableName: "tab", item: ["pk": .s("b"), "payload": payload])),
        ]))
        _ = try await dynamoDB.getItem(GetItemInput(tableName: "tab", key: ["pk": .s("a")]))
        let calls = counter.snapshot().map { OperationFigures(counted: $0.operation, $0.figures) }
        let put = try #require(calls.first { $0.operation == "dynamodb.PutItem" })
        let transaction = try #require(calls.first { $0.operation == "dynamodb.TransactWriteItems" })
        let get = try #require(calls.first { $0.operation == "dynamodb.GetItem" })
        // An item of about 1.5 KB: 2 write units alone, 4 in a transaction; read eventually consistently, half a unit.
        #expect(put.writeCapacityUnits == 2 && put.readCapacityUnits == 0)
        #expect(transaction.writeCapacityUnits == 2 * put.writeCapacityUnits)
        #expect(get.readCapacityUnits == 0.5 && get.writeCapacityUnits == 0)
        let cost = RunCost(pricing: Pricing(region: "us-east-1", list: .builtIn), functions: [], awsCalls: calls)
        #expect(cost.writeRequestUnits == 6 && cost.readRequestUnits == 0.5)
        #expect(abs(cost.usd(of: "dynamodb") - (6 * 0.625 + 0.5 * 0.125) / 1_000_000) < 1e-18)
    }
}
