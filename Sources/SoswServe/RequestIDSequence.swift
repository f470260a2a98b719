import Synchronization

/// `x-amzn-RequestId` values: 52 upper-case characters like DynamoDB's, but a counter instead of random, so
/// two runs of the same requests give the same ids and a log line can be matched to its request by number.
public final class RequestIDSequence: Sendable {
    private let counter = Mutex<UInt64>(0)

    public init() {}

    public func next() -> String {
        let number = counter.withLock { counter in
            counter += 1
            return counter
        }
        let digits = String(number)
        return "SOSW" + String(repeating: "0", count: max(0, 48 - digits.count)) + digits
    }
}
