import Logging

/// Writes many items into one table with `BatchWriteItem` (25 per request), retrying what the service hands
/// back as `UnprocessedItems` (and throttling errors) with exponential backoff and full jitter, sleeping on the
/// injected clock. Every item is either written or reported in the thrown error: nothing is silently lost.
public struct BatchWriter: Sendable {
    /// DynamoDB's limit of write requests per `BatchWriteItem`.
    public static let maximumBatchSize = 25

    public let dynamoDB: any DynamoDB
    public let clock: any Clock<Duration>
    public let random: any RandomSource
    public let logger: Logger
    /// The first backoff ceiling; doubled after each round, up to `maximumBackoff`.
    public var initialBackoff: Duration = .milliseconds(50)
    public var maximumBackoff: Duration = .seconds(5)
    /// Rounds (the first request included) before giving up on a batch.
    public var maximumRounds = 10

    public init(dynamoDB: any DynamoDB, clock: any Clock<Duration>, random: any RandomSource, logger: Logger) {
        self.dynamoDB = dynamoDB
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Puts `items` into `table`, in order, batch by batch. Returns the number of retry rounds needed.
    /// - Parameter written: called with the positions in `items` of each batch as soon as all of it is in the
    ///   table, so a caller can tell of each item when it really exists (a long write takes many requests,
    ///   and the first items can be read, and used, long before the last are written).
    @discardableResult
    public func put(
        _ items: [DynamoItem], into table: String, written: (Range<Int>) -> Void = { _ in }
    ) async throws -> Int {
        var retries = 0
        for start in stride(from: 0, to: items.count, by: BatchWriter.maximumBatchSize) {
            let positions = start..<min(start + BatchWriter.maximumBatchSize, items.count)
            retries += try await write(items[positions].map { WriteRequest(putRequest: PutRequest(item: $0)) }, into: table)
            written(positions)
        }
        return retries
    }

    private func write(_ requests: [WriteRequest], into table: String) async throws -> Int {
        var pending = requests
        var round = 0
        while !pending.isEmpty {
            round += 1
            do {
                let output = try await dynamoDB.batchWriteItem(BatchWriteItemInput(requestItems: [table: pending]))
                pending = output.unprocessedItems?[table] ?? []
            } catch let error as DynamoDBError where error.isRetryable {
                logger.debug("BatchWriteItem on \(table) refused (\(error.code.rawValue)); retrying")
            }
            if pending.isEmpty { break }
            guard round < maximumRounds else {
                throw BatchWriteError(table: table, unwritten: pending.count, rounds: round)
            }
            try await clock.sleep(for: backoff(round: round))
        }
        return round - 1
    }

    /// Full jitter: uniform in `0 … min(cap, initial × 2^(round−1))`, in whole milliseconds.
    func backoff(round: Int) -> Duration {
        var ceiling = initialBackoff
        for _ in 1..<max(round, 1) where ceiling < maximumBackoff {
            ceiling = ceiling * 2
        }
        let milliseconds = min(ceiling, maximumBackoff).wholeNanoseconds / 1_000_000
        guard milliseconds > 0 else { return .zero }
        return .milliseconds(Int64(random.integer(below: UInt64(milliseconds) + 1)))
    }
}

/// Items the service kept refusing after every retry round.
public struct BatchWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var table: String
    public var unwritten: Int
    public var rounds: Int

    public var description: String {
        "BatchWriteItem into \(table): \(unwritten) items still unprocessed after \(rounds) rounds; "
            + "the table is throttled — raise its capacity or slow the writer"
    }
}
