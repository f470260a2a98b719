/// Creates sosw's tables where they are missing and waits until they can be used, as `sosw tables create`
/// does for a new deployment: a table that exists is left alone (whatever its layout), so running it twice,
/// or on a deployment Python sosw set up, changes nothing.
public struct SoswTableSetup<C: Clock<Duration>>: Sendable {
    let dynamoDB: any DynamoDB
    let clock: C
    /// How long to wait for a created table to become `ACTIVE` (DynamoDB takes seconds, rarely a minute).
    public let activeWithin: Duration
    /// The pause between two `DescribeTable`s while waiting.
    public let pollEvery: Duration

    public init(dynamoDB: any DynamoDB, clock: C, activeWithin: Duration = .seconds(300), pollEvery: Duration = .seconds(1)) {
        self.dynamoDB = dynamoDB
        self.clock = clock
        self.activeWithin = activeWithin
        self.pollEvery = pollEvery
    }

    /// What a setup did: the tables it created and those that were there already, in request order.
    public struct Report: Sendable, Equatable {
        public var created: [String] = []
        public var existing: [String] = []

        /// `{"created": [...], "existing": [...]}`.
        public var json: JSONValue {
            ["created": .array(created.map(JSONValue.string)), "existing": .array(existing.map(JSONValue.string))]
        }
    }

    /// Creates each table of `tables` that does not exist, then waits until every created one is `ACTIVE`.
    /// - Throws: ``SoswTableSetupError/notActive(_:after:)`` when a table is still being created after
    ///   ``activeWithin``; the service's error when a call fails.
    public func create(_ tables: [CreateTableInput]) async throws -> Report {
        var report = Report()
        for table in tables {
            if try await status(of: table.tableName) != nil {
                report.existing.append(table.tableName)
                continue
            }
            do {
                _ = try await dynamoDB.createTable(table)
                report.created.append(table.tableName)
            } catch let error as DynamoDBError where error.code == .resourceInUse {
                // Created meanwhile by someone else: theirs to finish, and there all the same.
                report.existing.append(table.tableName)
            }
        }
        let deadline = clock.now.advanced(by: activeWithin)
        for name in report.created {
            while try await status(of: name) != .active {
                guard clock.now < deadline else { throw SoswTableSetupError.notActive(name, after: activeWithin) }
                try await clock.sleep(for: pollEvery)
            }
        }
        return report
    }

    /// The table's status; nil when it does not exist.
    private func status(of table: String) async throws -> TableStatus? {
        do {
            let description = try await dynamoDB.describeTable(DescribeTableInput(tableName: table)).table
            return description?.tableStatus ?? .active
        } catch let error as DynamoDBError where error.code == .resourceNotFound {
            return nil
        }
    }
}

/// A table that did not become usable in time.
public enum SoswTableSetupError: Error, Equatable, CustomStringConvertible {
    case notActive(String, after: Duration)

    public var description: String {
        switch self {
        case .notActive(let table, let after):
            "table \(table) was still not ACTIVE \(after) after it was created; check it with "
                + "`aws dynamodb describe-table --table-name \(table)` and run the command again"
        }
    }
}
