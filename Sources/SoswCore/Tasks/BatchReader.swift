import Logging

/// Reads many items of one table by key with `BatchGetItem` (100 keys per request), retrying what the
/// service hands back as `UnprocessedKeys` (and throttling errors) with exponential backoff and full jitter,
/// sleeping on the injected clock, for a bounded number of rounds.
public struct BatchReader: Sendable {
    /// DynamoDB's limit of keys per `BatchGetItem`.
    public static let maximumBatchSize = 100

    public let dynamoDB: any DynamoDB
    public let clock: any Clock<Duration>
    public let random: any RandomSource
    public let logger: Logger
    public var backoff = FullJitterBackoff()
    /// Rounds (the first request included) before giving up on a batch.
    public var maximumRounds = 10

    public init(dynamoDB: any DynamoDB, clock: any Clock<Duration>, random: any RandomSource, logger: Logger = .sosw) {
        self.dynamoDB = dynamoDB
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// The items at `keys` in `table`, read consistently, in the order of `keys`; a key with no item is
    /// left out.
    /// - Throws: ``BatchReadError`` naming every key not read when a batch still has unprocessed keys after
    ///   ``maximumRounds``.
    public func get(_ keys: [DynamoItem], from table: String) async throws -> [DynamoItem] {
        var found: [DynamoItem: DynamoItem] = [:]
        for start in stride(from: 0, to: keys.count, by: BatchReader.maximumBatchSize) {
            let batch = Array(keys[start..<min(start + BatchReader.maximumBatchSize, keys.count)])
            do {
                for item in try await read(batch, from: table) {
                    found[item.filter { batch[0][$0.key] != nil }] = item
                }
            } catch var error as BatchReadError {
                error.unreadKeys += keys[(start + batch.count)...]
                throw error
            }
        }
        return keys.compactMap { found[$0] }
    }

    private func read(_ keys: [DynamoItem], from table: String) async throws -> [DynamoItem] {
        var pending = keys
        var items: [DynamoItem] = []
        var round = 0
        while !pending.isEmpty {
            round += 1
            do {
                let output = try await dynamoDB.batchGetItem(BatchGetItemInput(
                    requestItems: [table: KeysAndAttributes(keys: pending, consistentRead: true)]))
                items += output.responses?[table] ?? []
                pending = output.unprocessedKeys?[table]?.keys ?? []
            } catch let error as DynamoDBError where error.isRetryable {
                logger.debug("BatchGetItem on \(table) refused (\(error.code.rawValue)); retrying")
            }
            if pending.isEmpty { break }
            guard round < maximumRounds else {
                throw BatchReadError(table: table, rounds: round, unreadKeys: pending)
            }
            try await clock.sleep(for: backoff.delay(round: round, random: random))
        }
        return items
    }
}

/// Keys the service kept leaving unprocessed after every retry round.
public struct BatchReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var table: String
    public var rounds: Int
    /// Every key not read: the refused batch's unprocessed keys, then the keys of the batches after it.
    public var unreadKeys: [DynamoItem]

    public init(table: String, rounds: Int, unreadKeys: [DynamoItem]) {
        self.table = table
        self.rounds = rounds
        self.unreadKeys = unreadKeys
    }

    /// Names at most 20 keys, then how many more.
    public var description: String {
        let named = unreadKeys.prefix(20).map { key in
            key.keys.sorted().map { "\($0)=\(JSONValue(dynamo: key[$0]!).serialized())" }.joined(separator: " ")
        }
        let more = unreadKeys.count > named.count ? " and \(unreadKeys.count - named.count) more" : ""
        return "BatchGetItem from \(table): \(unreadKeys.count) keys not read after \(rounds) rounds "
            + "(\(named.joined(separator: ", "))\(more)); the table is throttled — raise its read capacity or try again later"
    }
}
