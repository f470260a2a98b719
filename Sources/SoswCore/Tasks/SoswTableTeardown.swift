/// Deletes sosw's tables at the end of a deployment's life (`sosw tables delete`), refusing — unless forced — while
/// the tasks or retry table still holds a task: those are open work that deleting would lose without a trace,
/// whereas the closed table and the audit trail are history the operator chose to drop.
public struct SoswTableTeardown: Sendable {
    let dynamoDB: any DynamoDB

    public init(dynamoDB: any DynamoDB) {
        self.dynamoDB = dynamoDB
    }

    /// What a teardown did: the tables it deleted, and those that were not there, in request order.
    public struct Report: Sendable, Equatable {
        public var deleted: [String] = []
        public var missing: [String] = []

        /// `{"deleted": [...], "missing": [...]}`.
        public var json: JSONValue {
            ["deleted": .array(deleted.map(JSONValue.string)), "missing": .array(missing.map(JSONValue.string))]
        }
    }

    /// Deletes `tables`; first, unless `force`, checks that none of `openWork` (those of them that exist) holds an
    /// item, and deletes nothing if one does.
    /// - Throws: ``SoswTableTeardownError/openTasks(_:)`` naming the first table with open tasks; the service's
    ///   error when a call fails.
    public func delete(_ tables: [String], openWork: [String], force: Bool) async throws -> Report {
        if !force {
            for table in openWork where tables.contains(table) {
                do {
                    let page = try await dynamoDB.scan(ScanInput(tableName: table, limit: 1))
                    if !(page.items ?? []).isEmpty { throw SoswTableTeardownError.openTasks(table) }
                } catch let error as DynamoDBError where error.code == .resourceNotFound {
                    continue
                }
            }
        }
        var report = Report()
        for table in tables {
            do {
                _ = try await dynamoDB.deleteTable(DeleteTableInput(tableName: table))
                report.deleted.append(table)
            } catch let error as DynamoDBError where error.code == .resourceNotFound {
                report.missing.append(table)
            }
        }
        return report
    }
}

/// A teardown refused before it deleted anything.
public enum SoswTableTeardownError: Error, Equatable, CustomStringConvertible {
    case openTasks(String)

    public var description: String {
        switch self {
        case .openTasks(let table):
            "table \(table) still holds tasks, which deleting would lose: let the essentials finish them (or "
                + "`sosw redrive` and drain the dead ones), or delete anyway with --force; nothing was deleted"
        }
    }
}
