import Foundation
import SoswAWS
import SoswCore
import Testing

/// One sosw deployment on moto's server for a live test: its own table and function names (a fresh prefix, so
/// tests share one moto), its config document in a file, and the `sosw` binary, the Python sosw 0.7.51 driver
/// and direct table reads pointed at it. `scripts/test` starts moto and sets `SOSW_MOTO_ENDPOINT`; without it
/// the live tests are skipped.
struct LiveDeployment {
    static let motoEndpoint = ProcessInfo.processInfo.environment["SOSW_MOTO_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { motoEndpoint != nil }
    static let region = "us-west-2"
    static let account = "123456789012"

    let prefix: String
    let directory: String
    /// Where the essentials' requests go: moto, or a fault proxy in front of it.
    var endpoint: String
    let labourer: String
    let configFile: String
    let config: JSONValue

    /// - Parameter labourerSettings: merged into the labourer's entry (`max_simultaneous_invocations`, …).
    init(_ label: String, labourerSettings: JSONValue = [:]) throws {
        let motoEndpoint = try #require(Self.motoEndpoint, "set SOSW_MOTO_ENDPOINT (scripts/test does)")
        prefix = "\(label)_\(UInt32.random(in: 0...UInt32.max))"
        directory = try temporaryDirectory("live-\(label)")
        endpoint = motoEndpoint
        labourer = "\(prefix)_worker"
        var labourerEntry: JSONValue = [
            "arn": .string("arn:aws:lambda:\(Self.region):\(Self.account):function:\(labourer)"),
            "max_simultaneous_invocations": 10, "max_attempts": 3, "health_metrics": [:],
        ]
        labourerEntry = labourerEntry.deepMerged(with: labourerSettings)
        config = [
            "task_config": [
                "dynamo_db_config": ["table_name": .string("\(prefix)_sosw_tasks")],
                "sosw_closed_tasks_table": .string("\(prefix)_sosw_closed_tasks"),
                "sosw_retry_tasks_table": .string("\(prefix)_sosw_retry_tasks"),
                "labourers": .object([labourer: labourerEntry]),
            ],
            "sns_config": [
                "recipient": .string("arn:aws:sns:\(Self.region):\(Self.account):\(prefix)_dead"), "subject": "sosw",
            ],
        ]
        configFile = directory + "/config.json"
        try config.serialized().write(toFile: configFile, atomically: true, encoding: .utf8)
    }

    var tasksTable: String { "\(prefix)_sosw_tasks" }
    var closedTable: String { "\(prefix)_sosw_closed_tasks" }
    var retryTable: String { "\(prefix)_sosw_retry_tasks" }

    /// What the commands run with: test credentials, the region, the endpoint, and a home without AWS files.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["AWS_ENDPOINT_URL"] = endpoint
        environment["AWS_REGION"] = Self.region
        environment["AWS_ACCESS_KEY_ID"] = "AKIDLIVETEST"
        environment["AWS_SECRET_ACCESS_KEY"] = "live-test-secret-key"
        environment["AWS_EC2_METADATA_DISABLED"] = "true"
        environment["HOME"] = directory
        return environment
    }

    /// The release binary when scripts/test built it, else the one beside the tests.
    static var binary: SoswBinary {
        ProcessInfo.processInfo.environment["SOSW_RELEASE_BINARY"].map(SoswBinary.init(path:)) ?? .besideTests
    }

    /// Runs `sosw ARGUMENTS…` against this deployment.
    func sosw(_ arguments: [String], environment overrides: [String: String] = [:]) throws -> SoswBinary.Output {
        try Self.binary.run(arguments, environment: environment.merging(overrides) { $1 })
    }

    /// Runs a live essential with this deployment's config and returns its one-line report; fails the test
    /// unless it exits with one of `allowedStatus`.
    func essential(
        _ command: String, _ arguments: [String] = [], allowedStatus: Set<Int32> = [0],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> JSONValue {
        let output = try sosw([command, "--live", "--config", configFile] + arguments)
        #expect(allowedStatus.contains(output.status), "sosw \(command): \(output.stderr)", sourceLocation: sourceLocation)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 1, "one JSON line per run, got: \(output.stdout)", sourceLocation: sourceLocation)
        return try JSONValue(parsing: String(lines.first ?? ""))
    }

    /// Runs the Python sosw 0.7.51 driver (Tests/python/sosw_interop.py) and returns its JSON answer.
    func python(_ subcommand: String, _ arguments: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws
        -> JSONValue
    {
        // create-function needs only boto3; everything else runs Python sosw.
        let needsSosw = subcommand != "create-function"
        let python = needsSosw
            ? try #require(
                ProcessInfo.processInfo.environment["SOSW_PYTHON_SOSW"],
                "set SOSW_PYTHON_SOSW to a python with sosw 0.7.51 (scripts/test does)", sourceLocation: sourceLocation)
            : "/usr/bin/env"
        let interpreter = needsSosw ? [] : ["python3"]
        // get-config names its table itself; the others read this deployment's config document.
        let takesConfig = needsSosw && subcommand != "get-config"
        let arguments = takesConfig ? ["--config", configFile] + arguments : arguments
        let output = try SoswBinary(path: python).run(
            interpreter + [Self.repository + "/Tests/python/sosw_interop.py", subcommand] + arguments,
            environment: environment.merging(["AWS_DEFAULT_REGION": Self.region]) { $1 })
        #expect(output.status == 0, "sosw_interop.py \(subcommand): \(output.stderr)", sourceLocation: sourceLocation)
        return try JSONValue(parsing: output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The labourer's function in moto (the Orchestrator invokes it; nothing runs).
    func createFunction(timeoutSeconds: Int = 60) throws {
        _ = try python("create-function", ["--name", labourer, "--timeout", "\(timeoutSeconds)"])
    }

    /// Every item of a table, read from moto directly (never through a fault proxy).
    func scan(_ table: String) async throws -> [DynamoItem] {
        let client = DynamoDBClient.live(
            endpoint: try AWSEndpoint(url: try #require(Self.motoEndpoint), variable: "SOSW_MOTO_ENDPOINT"),
            region: Self.region,
            credentials: StaticCredentialsProvider(AWSCredentials(accessKeyID: "AKIDLIVETEST", secretAccessKey: "x")))
        var items: [DynamoItem] = []
        var start: DynamoItem?
        repeat {
            let page = try await client.scan(ScanInput(tableName: table, exclusiveStartKey: start))
            items += page.items ?? []
            start = page.lastEvaluatedKey
        } while start != nil
        return items
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .path
}

extension DynamoItem {
    var taskID: String? { self["task_id"]?.stringValue }
    var attempts: Int? { self["attempts"]?.numberValue.flatMap { Int($0.text) } }
}
