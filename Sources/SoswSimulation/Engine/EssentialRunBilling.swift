import Synchronization

/// The billed runs of the essentials the driver runs itself (the Orchestrator and the Scavenger; the
/// WorkerAssistant and the Scheduler run in the Lambda fake, which bills them): per essential, the runs and
/// their durations rounded up to the millisecond, a crashed run up to its crash.
final class EssentialRunBilling: Sendable {
    private let runs = Mutex<[Essential: (requests: Int, milliseconds: Int64)]>([:])

    func record(_ essential: Essential, elapsed: Duration) {
        runs.withLock { runs in
            let previous = runs[essential] ?? (0, 0)
            runs[essential] = (previous.requests + 1, previous.milliseconds + FunctionBilling.billedMilliseconds(elapsed))
        }
    }

    /// One line per essential that ran, at its memory in `pricing`.
    func billing(pricing: Pricing) -> [FunctionBilling] {
        runs.withLock { $0 }.sorted { $0.key < $1.key }.map { essential, runs in
            FunctionBilling(
                function: essential.functionName, requests: runs.requests, billedMilliseconds: runs.milliseconds,
                memoryMB: pricing.memoryMB(of: essential))
        }
    }
}
