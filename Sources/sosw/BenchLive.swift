import ArgumentParser
import Foundation
import SoswAWS
import SoswCore
import SoswSimulation

/// `sosw bench-live`: requests per second of the live DynamoDB client against a local endpoint (moto's
/// server or `sosw serve`), to compare with boto3's figure from scripts/bench-dynamodb.py. Loopback only:
/// it creates and deletes a table, so it must never point at a real account.
struct BenchLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-live",
        abstract: "Measure the live DynamoDB client against a local server (use a release build).",
        discussion: "Times --requests PutItem calls, then as many GetItem calls, one at a time."
    )

    @Option(help: "The server, http://127.0.0.1:PORT.")
    var endpoint: String

    @Option(help: "Calls per operation.")
    var requests: Int = 5000

    func validate() throws {
        guard endpoint.hasPrefix("http://127.0.0.1:") else {
            throw ValidationError("--endpoint must be a loopback URL (http://127.0.0.1:PORT), got '\(endpoint)'")
        }
        guard requests > 0 else { throw ValidationError("--requests must be positive, got \(requests)") }
    }

    func run() async throws {
        let client = DynamoDBClient(
            endpoint: try AWSEndpoint(url: endpoint, variable: "--endpoint"),
            transport: AWSPipeline.standard(
                transport: AsyncHTTPClientTransport(),
                credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
                region: "us-east-1", service: DynamoDBClient.signingName, wallClock: SystemWallClock(),
                clock: ContinuousClock(), random: SystemRandomSource(), retry: RetryStrategy(maxAttempts: 1)))
        let table = "bench_" + UUIDSource().nextID().prefix(8)
        _ = try await client.createTable(CreateTableInput(
            tableName: table, keySchema: [.init(attributeName: "task_id", keyType: .hash)],
            attributeDefinitions: [.init(attributeName: "task_id", attributeType: .string)],
            billingMode: .payPerRequest))
        let item: DynamoItem = [
            "labourer_id": "worker", "greenfield": 1_767_578_400, "attempts": 0,
            "payload": #"{"chunk": 17, "source": "bench"}"#,
        ]
        do {
            try await measure("PutItem") { number in
                var task = item
                task["task_id"] = .s("task-\(number)")
                _ = try await client.putItem(PutItemInput(tableName: table, item: task))
            }
            try await measure("GetItem") { number in
                let output = try await client.getItem(GetItemInput(tableName: table, key: ["task_id": .s("task-\(number)")]))
                guard output.item != nil else { throw ValidationError("task-\(number) was not found after it was put") }
            }
        } catch {
            _ = try? await client.deleteTable(DeleteTableInput(tableName: table))
            throw error
        }
        _ = try await client.deleteTable(DeleteTableInput(tableName: table))
    }

    private func measure(_ operation: String, _ call: (Int) async throws -> Void) async throws {
        let clock = ContinuousClock()
        let started = clock.now
        for number in 0..<requests {
            try await call(number)
        }
        let seconds = (clock.now - started).secondsValue
        print("\(operation): \(requests) requests in \(String(format: "%.2f", seconds)) s = \(Int(Double(requests) / seconds)) requests/s")
    }
}
