import SoswCore

/// Where a task stands at one virtual instant, read from the table that holds it and its greenfield the
/// way the essentials read them: what a test asserts after a move instead of decoding greenfields by hand.
public enum TaskState: String, Sendable, Hashable, CustomStringConvertible {
    /// In the tasks table below the current time marker: waiting for (or back in) the queue.
    case queued
    /// Invoked within the labourer's `duration + cooldown`, no completion recorded.
    case running
    /// Invoked longer ago than `duration + cooldown`, no completion recorded: the Scavenger's next run
    /// retries it or closes it as dead.
    case expired
    /// The worker's completion is recorded (`completed_at`); the Scavenger's next run archives it.
    case completed
    /// In the retry table, due back in the queue at its `desired_launch_time`.
    case awaitingRetry = "awaiting_retry"
    /// In the closed table after a completion.
    case archived
    /// In the closed table without a completion: out of attempts.
    case dead

    /// The state of `record`, held by `table`, for `labourer` registered at the instant asked about (its
    /// markers are the boundaries the essentials' queries use at that instant).
    ///
    /// A task exactly on the expiry marker is both running and expired to sosw's queries; it reads here as
    /// expired, since that is what the next Scavenger run acts on.
    public init(_ record: TaskRecord, in table: SoswTaskTable, labourer: RegisteredLabourer) {
        switch table {
        case .closed:
            let status = record.otherAttributes[TaskRecord.Field.labourerTaskStatus]?.stringValue
            let completed = status.map { $0.hasSuffix("_1") } ?? (record.completedAt != nil)
            self = completed ? .archived : .dead
        case .retry:
            self = .awaitingRetry
        case .tasks:
            let markers = labourer.markers
            if record.completedAt != nil {
                self = .completed
            } else if markers.queued.contains(record.greenfield) {
                self = .queued
            } else if markers.expiredTasks.contains(record.greenfield) {
                self = .expired
            } else {
                self = .running
            }
        }
    }

    public var description: String { rawValue }
}
