import HeapModule

/// One sleeper waiting on the virtual clock. Its fields are touched only under the executor's lock.
final class TimerEntry: @unchecked Sendable {
    /// Set while the sleeper waits; `nil` once it was woken or cancelled.
    var continuation: UnsafeContinuation<Void, any Error>?
    var cancelled = false
}

/// The pending sleeps of a simulation, ordered by (deadline, sequence): equal deadlines wake in the order
/// they were registered, which is what makes a run reproducible.
///
/// Cancelled sleeps stay in the heap until they reach the top and are then discarded without moving time,
/// so cancellation costs O(1) and never makes the clock jump to a deadline nobody waits for.
struct TimerQueue {
    private struct Key: Comparable {
        var deadline: Int64
        var sequence: UInt64
        var entry: TimerEntry

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
        }
    }

    private var heap = Heap<Key>()
    private var sequence: UInt64 = 0

    /// Sleepers still waiting (cancelled ones excluded).
    private(set) var waiting = 0

    mutating func schedule(_ entry: TimerEntry, deadline: Int64) {
        sequence += 1
        waiting += 1
        heap.insert(Key(deadline: deadline, sequence: sequence, entry: entry))
    }

    /// Marks a sleeper cancelled and hands back its continuation, if it still waited.
    mutating func cancel(_ entry: TimerEntry) -> UnsafeContinuation<Void, any Error>? {
        entry.cancelled = true
        guard let continuation = entry.continuation else { return nil }
        entry.continuation = nil
        waiting -= 1
        return continuation
    }

    /// The earliest deadline anybody still waits for.
    mutating func nextDeadline() -> Int64? {
        while let top = heap.min {
            if top.entry.continuation != nil { return top.deadline }
            heap.removeMin()
        }
        return nil
    }

    /// Removes every live sleeper whose deadline is `deadline`, in registration order.
    mutating func popAll(at deadline: Int64, into due: inout [UnsafeContinuation<Void, any Error>]) {
        while let top = heap.min, top.deadline == deadline {
            heap.removeMin()
            if let continuation = top.entry.continuation {
                top.entry.continuation = nil
                waiting -= 1
                due.append(continuation)
            }
        }
    }
}
