import SoswCore

/// Lambda's concurrency arithmetic: an account limit shared by every function, of which reservations are
/// carved out. A function with a reservation runs at most that many executions and never touches the
/// unreserved pool; the others share what is left (account limit minus every reservation).
///
/// It also remembers, per function, every change of its running count, so a metric that follows the load
/// can read how many executions were running at an earlier instant.
struct LambdaConcurrency {
    let accountLimit: Int
    private var reservations: [String: Int] = [:]
    private var reservedTotal = 0
    private var running: [String: Int] = [:]
    private var unreservedRunning = 0
    /// Per function: (virtual nanoseconds, running count from then on), in time order.
    private var history: [String: [(time: Int64, running: Int)]] = [:]

    init(accountLimit: Int) {
        self.accountLimit = accountLimit
    }

    /// The capacity all functions without a reservation share.
    var unreservedLimit: Int {
        accountLimit - reservedTotal
    }

    /// Reserves `amount` for `function`; refused when the reservations would exceed the account limit.
    mutating func reserve(_ amount: Int, for function: String) throws(LambdaError) {
        let others = reservedTotal - (reservations[function] ?? 0)
        guard others + amount <= accountLimit else {
            throw LambdaError(
                code: .invalidParameterValue,
                message: "Specified ReservedConcurrentExecutions for function \(function) (\(amount)) decreases "
                    + "account's UnreservedConcurrentExecution below its minimum value of [0]: the account limit "
                    + "is \(accountLimit) and other functions reserve \(others).")
        }
        reservations[function] = amount
        reservedTotal = others + amount
    }

    /// Takes one unit of concurrency for `function`, or says why there is none.
    mutating func acquire(_ function: String, at time: UnixTime) -> LambdaError.ThrottleReason? {
        if let reserved = reservations[function] {
            guard running[function, default: 0] < reserved else {
                return .reservedFunctionConcurrentInvocationLimitExceeded
            }
        } else {
            guard unreservedRunning < unreservedLimit else { return .concurrentInvocationLimitExceeded }
            unreservedRunning += 1
        }
        running[function, default: 0] += 1
        remember(function, at: time)
        return nil
    }

    mutating func release(_ function: String, at time: UnixTime) {
        precondition(running[function, default: 0] > 0, "released concurrency of \(function) that was not held")
        running[function, default: 0] -= 1
        if reservations[function] == nil { unreservedRunning -= 1 }
        remember(function, at: time)
    }

    func runningNow(_ function: String) -> Int {
        running[function, default: 0]
    }

    var runningInAccount: Int {
        running.values.reduce(0, +)
    }

    /// How many executions of `function` were running at `time` (after everything that happened at that
    /// instant); 0 before its first execution.
    func running(_ function: String, at time: UnixTime) -> Int {
        guard let changes = history[function] else { return 0 }
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle].time <= time.nanoseconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : changes[low - 1].running
    }

    private mutating func remember(_ function: String, at time: UnixTime) {
        let count = running[function, default: 0]
        if let last = history[function]?.last, last.time == time.nanoseconds {
            history[function]![history[function]!.count - 1].running = count
        } else {
            history[function, default: []].append((time.nanoseconds, count))
        }
    }
}
