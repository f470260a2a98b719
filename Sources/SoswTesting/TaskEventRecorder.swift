import SoswCore
import Synchronization

/// Records every task event the essentials report (created, invoked, completed, expired, …), in order: the
/// moves of a task as the essentials saw them, beside the tables' state that ``TaskSnapshot`` shows.
public final class TaskEventRecorder: TaskEventObserver {
    private let recorded = Mutex<[TaskEvent]>([])

    public init() {}

    public var events: [TaskEvent] { recorded.withLock { $0 } }

    public func observe(_ event: TaskEvent) {
        recorded.withLock { $0.append(event) }
    }
}
