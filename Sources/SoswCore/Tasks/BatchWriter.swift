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

    public init(dynamoDB: any DynamoDB, clock: any Clock<Duration>, random: any RandomSource, logger: Logger = .sosw) {
        self.dynamoDB = dynamoDB
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Puts `items` into `table`, in order, batch by batch. Returns the number of retry rounds needed.
    /// - Parameter written: called with the positions in `items` of each batch as soon as all of it is in the
    ///   table, so a caller can tell of each item when it really exists (a long write takes many requests,
    ///   and the first items can be read, and used, long before the last are written); for a batch refused
    ///   in part, with each run of its items that did get in, before the error is thrown.
    /// - Throws: ``BatchWriteError`` when a batch still has unprocessed items after ``maximumRounds``: it
    ///   names every position not written, the refused items of that batch and all the batches after it.
    @discardableResult
    public func put(
        _ items: [DynamoItem], into table: String, written: (Range<Int>) -> Void = { _ in }
    ) async throws -> Int {
        var retries = 0
        for start in stride(from: 0, to: items.count, by: BatchWriter.maximumBatchSize) {
            let positions = start..<min(start + BatchWriter.maximumBatchSize, items.count)
            do {
                retries += try await write(positions.map { ($0, WriteRequest(putRequest: PutRequest(item: items[$0]))) }, into: table)
            } catch var error as BatchWriteError {
                let refused = Set(error.unwrittenPositions)
                var run: Range<Int>?
                for position in positions {
                    if refused.contains(position) {
                        run.map(written)
                        run = nil
                    } else {
                        run = (run?.lowerBound ?? position)..<(position + 1)
                    }
                }
                run.map(written)
                error.unwrittenPositions += Array(positions.upperBound..<items.count)
                throw error
            }
            written(positions)
        }
        return retries
    }

    /// Writes one batch of (position, request); the service's unprocessed requests are matched back to
    /// their positions.
    private func write(_ requests: [(position: Int, request: WriteRequest)], into table: String) async throws -> Int {
        var pending = requests
        var round = 0
        while !pending.isEmpty {
            round += 1
            do {
                let output = try await dynamoDB.batchWriteItem(BatchWriteItemInput(requestItems: [table: pending.map(\.request)]))
                var unprocessed = output.unprocessedItems?[table] ?? []
                pending = pending.filter { entry in
                    guard let match = unprocessed.firstIndex(of: entry.request) else { return false }
                    unprocessed.remove(at: match)
                    return true
                }
            } catch let error as DynamoDBError where error.isRetryable {
                logger.debug("BatchWriteItem on \(table) refused (\(error.code.rawValue)); retrying")
            }
            if pending.isEmpty { break }
            guard round < maximumRounds else {
                throw BatchWriteError(table: table, unwritten: pending.count, rounds: round, unwrittenPositions: pending.map(\.position))
            }
            let backoff = FullJitterBackoff(initial: initialBackoff, maximum: maximumBackoff)
            try await clock.sleep(for: backoff.delay(round: round, random: random))
        }
        return round - 1
    }
}

/// Items the service kept refusing after every retry round.
public struct BatchWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    public var table: String
    /// Items of the refused batch still unprocessed.
    public var unwritten: Int
    public var rounds: Int
    /// The positions, in the items handed to ``BatchWriter/put(_:into:written:)``, of every item not in the
    /// table, ascending; every other item is written.
    public var unwrittenPositions: [Int]

    public init(table: String, unwritten: Int, rounds: Int, unwrittenPositions: [Int]) {
        self.table = table
        self.unwritten = unwritten
        self.rounds = rounds
        self.unwrittenPositions = unwrittenPositions
    }

    public var description: String {
        "BatchWriteItem into \(table): \(unwritten) items still unprocessed after \(rounds) rounds; "
            + "the table is throttled — raise its capacity or slow the writer"
    }
}
