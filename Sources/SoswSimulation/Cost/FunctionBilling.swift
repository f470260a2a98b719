/// What Lambda bills one function for over a run: one request per execution (Lambda's own retries and
/// duplicate deliveries included) and each execution's duration rounded up to the millisecond, at the
/// function's memory.
public struct FunctionBilling: Sendable, Hashable {
    public var function: String
    public var requests: Int
    public var billedMilliseconds: Int64
    public var memoryMB: Int

    public init(function: String, requests: Int, billedMilliseconds: Int64, memoryMB: Int) {
        self.function = function
        self.requests = requests
        self.billedMilliseconds = billedMilliseconds
        self.memoryMB = memoryMB
    }

    /// Billed duration times memory: milliseconds / 1000 × MB / 1024.
    public var gbSeconds: Double {
        Double(billedMilliseconds) / 1000 * Double(memoryMB) / 1024
    }

    /// Lambda's billed duration of one execution that ran `elapsed`: rounded up to the next millisecond, at
    /// least one.
    public static func billedMilliseconds(_ elapsed: Duration) -> Int64 {
        let (seconds, attoseconds) = elapsed.components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        let milliseconds = seconds * 1000 + attoseconds / perMillisecond + (attoseconds % perMillisecond > 0 ? 1 : 0)
        return max(1, milliseconds)
    }
}
