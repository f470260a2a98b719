import Synchronization

/// Calls and capacity per AWS operation (`DynamoDB.Query`, `Lambda.Invoke`, …): what a run costs, counted at
/// the ports by the `Counted…` decorators so every essential's traffic is seen the same way.
public final class AWSCallCounter: Sendable {
    /// The figures of one operation.
    public struct Figures: Hashable, Sendable {
        public var calls = 0
        public var errors = 0
        /// Consumed capacity units reported by DynamoDB (reads and writes together).
        public var capacityUnits = 0.0

        public init(calls: Int = 0, errors: Int = 0, capacityUnits: Double = 0) {
            self.calls = calls
            self.errors = errors
            self.capacityUnits = capacityUnits
        }
    }

    private let figures = Mutex<[String: Figures]>([:])

    public init() {}

    /// Records one call of `operation` (`Service.Operation`).
    public func record(_ operation: String, failed: Bool = false, capacityUnits: Double = 0) {
        figures.withLock { table in
            table[operation, default: Figures()].calls += 1
            if failed { table[operation, default: Figures()].errors += 1 }
            table[operation, default: Figures()].capacityUnits += capacityUnits
        }
    }

    public subscript(operation: String) -> Figures {
        figures.withLock { $0[operation] ?? Figures() }
    }

    /// Every operation called so far, sorted by name.
    public func snapshot() -> [(operation: String, figures: Figures)] {
        figures.withLock { $0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public var totalCalls: Int {
        figures.withLock { $0.values.reduce(0) { $0 + $1.calls } }
    }

    public func reset() {
        figures.withLock { $0.removeAll() }
    }

    /// Runs `call`, recording it under `operation` whether it succeeds or throws.
    func measure<Output>(
        _ operation: String, capacity: (Output) -> Double = { _ in 0 }, _ call: () async throws -> Output
    ) async throws -> Output {
        do {
            let output = try await call()
            record(operation, capacityUnits: capacity(output))
            return output
        } catch {
            record(operation, failed: true)
            throw error
        }
    }
}
