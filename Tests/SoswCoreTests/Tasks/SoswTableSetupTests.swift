import SoswCore
import SoswSimulation
import Synchronization
import Testing

/// `sosw tables create`'s logic on the in-memory DynamoDB, behind a wrapper that answers `CREATING` for a
/// while after each new table is created, as DynamoDB does while it builds one.
@Suite struct SoswTableSetupTests {
    @Test func createsTheMissingTablesWaitsUntilActiveAndLeavesExistingOnesAlone() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 1_767_578_400), strict: true)
        try executor.run {
            let dynamo = SlowlyCreatedTables(
                InMemoryDynamoDB(clock: executor.clock, random: SeededRandom(seed: 1)), clock: executor.clock,
                creatingFor: .seconds(5))
            let tables = SoswTableSchemas.createTableInputs(config: try TaskManagerConfig(document: [:]))
            // An existing tasks table with another layout: left as it is, not replaced.
            _ = try await dynamo.createTable(CreateTableInput(
                tableName: "sosw_tasks", keySchema: [.init(attributeName: "id", keyType: .hash)],
                attributeDefinitions: [.init(attributeName: "id", attributeType: .string)], billingMode: .payPerRequest))
            let started = executor.clock.now
            let setup = SoswTableSetup(dynamoDB: dynamo, clock: executor.clock, pollEvery: .seconds(2))
            let report = try await setup.create(tables)
            #expect(report.existing == ["sosw_tasks"])
            #expect(report.created == ["sosw_closed_tasks", "sosw_retry_tasks", "config"])
            #expect(report.json.serialized()
                == #"{"created":["sosw_closed_tasks","sosw_retry_tasks","config"],"existing":["sosw_tasks"]}"#)
            // Polls at 0, 2, 4 s find the first created table CREATING, at 6 s ACTIVE; the others were active by then.
            #expect(started.duration(to: executor.clock.now) == .seconds(6))
            let kept = try await dynamo.describeTable(DescribeTableInput(tableName: "sosw_tasks")).table
            #expect(kept?.keySchema?.map(\.attributeName) == ["id"])

            let again = try await setup.create(tables)
            #expect(again.created.isEmpty)
            #expect(again.existing == ["sosw_tasks", "sosw_closed_tasks", "sosw_retry_tasks", "config"])
        }
    }

    @Test func aTableThatNeverBecomesActiveIsAnErrorThatSaysWhatToCheck() throws {
        let executor = SimExecutor(start: UnixTime(seconds: 0), strict: true)
        let thrown = try executor.run { () -> SoswTableSetupError? in
            let dynamo = SlowlyCreatedTables(
                InMemoryDynamoDB(clock: executor.clock, random: SeededRandom(seed: 1)), clock: executor.clock,
                creatingFor: .seconds(3600))
            let table = SoswTableSchemas.createTableInputs(config: try TaskManagerConfig(document: [:]))[0]
            do {
                _ = try await SoswTableSetup(dynamoDB: dynamo, clock: executor.clock, activeWithin: .seconds(30))
                    .create([table])
                return nil
            } catch let error as SoswTableSetupError {
                #expect(executor.now == UnixTime(seconds: 30))
                return error
            }
        }
        #expect(thrown == .notActive("sosw_tasks", after: .seconds(30)))
        #expect(thrown.map(String.init(describing:))?.contains("aws dynamodb describe-table --table-name sosw_tasks") == true)
    }
}

/// The fake, except that each table it created answers `CREATING` until `creatingFor` has passed.
private final class SlowlyCreatedTables: ForwardingDynamoDB {
    let base: any DynamoDB
    let clock: SimClock
    let creatingFor: Duration
    private let activeAt = Mutex<[String: SimClock.Instant]>([:])

    init(_ base: InMemoryDynamoDB<SimClock>, clock: SimClock, creatingFor: Duration) {
        self.base = base
        self.clock = clock
        self.creatingFor = creatingFor
    }

    nonisolated(nonsending) func createTable(_ input: CreateTableInput) async throws -> CreateTableOutput {
        let output = try await base.createTable(input)
        let ready = clock.now.advanced(by: creatingFor)
        activeAt.withLock { $0[input.tableName] = ready }
        return output
    }

    nonisolated(nonsending) func describeTable(_ input: DescribeTableInput) async throws -> DescribeTableOutput {
        var output = try await base.describeTable(input)
        let now = clock.now
        if let ready = activeAt.withLock({ $0[input.tableName] }), now < ready { output.table?.tableStatus = .creating }
        return output
    }
}
