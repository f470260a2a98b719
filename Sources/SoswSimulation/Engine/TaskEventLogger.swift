import SoswCore
import Synchronization

/// Writes the essentials' ``TaskEvent``s into the run's event log under their ``RunEvent`` names:
/// `task.created`, `task.invoked` (`attempt`), `task.completed`, `task.expired`, `task.retry_scheduled`
/// (`retry_at`), `task.requeued`, `task.dead`, `task.archived` (`outcome`), each with `task_id` and
/// `labourer_id`, at the virtual time it happened.
///
/// Workers report completion by task id alone, so the logger remembers each task's labourer from its creation.
final class TaskEventLogger: TaskEventObserver {
    private let log: EventLog
    private let clock: SimClock
    private let labourers = Mutex<[String: String]>([:])

    init(log: EventLog, clock: SimClock) {
        self.log = log
        self.clock = clock
    }

    func observe(_ event: TaskEvent) {
        let now = clock.currentTime()
        switch event {
        case .created(let taskID, let labourerID):
            labourers.withLock { $0[taskID] = labourerID }
            record(.taskCreated, taskID, labourerID, [:], at: now)
        case .invoked(let taskID, let labourerID, let attempt):
            record(.taskInvoked, taskID, labourerID, ["attempt": .int(Int64(attempt))], at: now)
        case .completed(let taskID):
            let labourerID = labourers.withLock { $0[taskID] }
            var fields: EventFields = ["task_id": .string(taskID)]
            fields["labourer_id"] = labourerID.map(JSONValue.string) ?? .null
            log.record(.taskCompleted, at: now, fields)
        case .expired(let taskID, let labourerID, let attempts):
            record(.taskExpired, taskID, labourerID, ["attempts": .int(Int64(attempts))], at: now)
        case .retryScheduled(let taskID, let labourerID, let retryAt):
            record(.taskRetryScheduled, taskID, labourerID, ["retry_at": .int(retryAt)], at: now)
        case .requeued(let taskID, let labourerID):
            record(.taskRequeued, taskID, labourerID, [:], at: now)
        case .dead(let taskID, let labourerID, let attempts):
            record(.taskDead, taskID, labourerID, ["attempts": .int(Int64(attempts))], at: now)
        case .archived(let taskID, let labourerID, let outcome):
            labourers.withLock { _ = $0.removeValue(forKey: taskID) }
            record(.taskArchived, taskID, labourerID, ["outcome": .string(outcome.rawValue)], at: now)
        }
    }

    private func record(
        _ event: RunEvent, _ taskID: String, _ labourerID: String, _ extra: EventFields, at time: UnixTime
    ) {
        var fields = extra
        fields["task_id"] = .string(taskID)
        fields["labourer_id"] = .string(labourerID)
        log.record(event, at: time, fields)
    }
}
