/// Where a Scheduler invocation that ran out of time left a job, carried in the event of the sibling that
/// continues it: the job as received, the day its dates were computed for, and how many of its tasks are
/// already written. Splitting is deterministic, so the sibling derives the same task list and starts at
/// `next`: nothing is written twice and nothing is lost (sosw's S3 queue file and its broken sibling mode
/// are not needed).
public struct SchedulerCursor: Hashable, Sendable {
    /// The key of the continuation in a sibling's event.
    public static let eventKey = "scheduler_continuation"

    /// The job with its `lambda_name`, as a Scheduler event accepts it.
    public var job: [String: JSONValue]
    public var today: CivilDate
    /// The index of the first task not yet written.
    public var next: Int
    /// Indexes after `next` of tasks already written, ascending: what a batch refused in part did write.
    public var written: [Int]

    public init(job: [String: JSONValue], today: CivilDate, next: Int, written: [Int] = []) {
        self.job = job
        self.today = today
        self.next = next
        self.written = written
    }

    /// The sibling's event; `written` only when there are such tasks.
    public var event: JSONValue {
        var continuation: [String: JSONValue] = ["job": .object(job), "today": .string(today.description), "next": .int(Int64(next))]
        if !written.isEmpty { continuation["written"] = .array(written.map { .int(Int64($0)) }) }
        return [SchedulerCursor.eventKey: .object(continuation)]
    }

    /// The cursor of a continuation event; nil for a plain job event.
    public init?(event: JSONValue) throws(InvalidJob) {
        guard let continuation = event[SchedulerCursor.eventKey] else { return nil }
        guard let job = continuation["job"]?.objectValue,
            let todayText = continuation["today"]?.stringValue, let today = CivilDate(todayText),
            let next = continuation["next"]?.intValue, next >= 0,
            let written = (continuation["written"] ?? []).arrayValue?.compactMap(\.intValue),
            written.count == (continuation["written"]?.arrayValue?.count ?? 0), written.allSatisfy({ $0 > next })
        else {
            throw InvalidJob("`\(SchedulerCursor.eventKey)` must hold `job` (an object), `today` (YYYY-MM-DD), "
                + "`next` (a task index) and optionally `written` (task indexes after `next`), got \(continuation.serialized())")
        }
        self.init(job: job, today: today, next: Int(next), written: written.sorted().map { Int($0) })
    }
}
