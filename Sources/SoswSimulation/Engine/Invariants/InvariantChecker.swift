import SoswCore
import Synchronization

/// Checks, as a run's events are recorded, the invariants every correct sosw keeps, then hands each event on
/// to the next listener (the run's ``RunCollector``). Each check looks only at the task or labourer the event
/// names, so checking costs a few lookups per event, never a scan:
///
/// - `one_table`: a task that moves (retry, requeue, archive), and every task at the end, is in exactly one of
///   `sosw_tasks`, `sosw_retry_tasks` and `sosw_closed_tasks`;
/// - `attempts_within_max_attempts`: no invocation's attempt exceeds the labourer's `max_attempts`;
/// - `invoked_only_when_queued`: a task is invoked only while queued (created or requeued, not yet invoked);
/// - `no_recreation_by_late_completion`: a completion of a closed task leaves no item in `sosw_tasks`;
/// - `running_within_cap`: a labourer's running executions stay within its cap times the most Orchestrator
///   runs seen in flight at once;
/// - `dead_has_reason`: a task dies only after expiring with all its attempts used;
/// - `archive_matches_history`: an archive's outcome is `completed` only after a completion, `dead` only
///   without one;
/// - `eventually_drained` (at the end): a run that should have drained did.
///
/// The first violation is kept and the driver stops the run at its next check.
final class InvariantChecker: EventListener {
    /// What the checks need to know of a labourer.
    struct LabourerLimits: Sendable {
        var maxAttempts: Int
        var cap: Int
    }

    private struct TaskState {
        var labourerID: String
        var queued = true
        var completed = false
        var expiredOutOfAttempts = false
        var closed = false
        /// Whether it was ever moved to the retry table: only then is that table looked at when it is archived.
        var retried = false
    }

    private struct State {
        var tasks: [String: TaskState] = [:]
        var running: [String: Int] = [:]
        var orchestratorsInFlight = 0
        var peakOrchestrators = 1
        var recent = RecentEvents(capacity: InvariantChecker.recentCapacity)
        var violation: InvariantViolation?
        var sometimes = SometimesTally()
        /// Bound by ``watch(_:)`` once the world holding the tables is built (the world needs the log first).
        var tables: (any TaskTableLookup)?
    }

    /// How many of the last events a violation reports.
    static let recentCapacity = 20

    private let start: UnixTime
    private let limits: [String: LabourerLimits]
    private let labourerOfFunction: [String: String]
    private let next: (any EventListener)?
    private let state = Mutex(State())

    init(
        start: UnixTime, limits: [String: LabourerLimits], labourerOfFunction: [String: String],
        next: (any EventListener)?
    ) {
        self.start = start
        self.limits = limits
        self.labourerOfFunction = labourerOfFunction
        self.next = next
    }

    /// The checker of a run configured by `configuration`, handing events on to `next`.
    convenience init(start: UnixTime, configuration: SoswConfiguration, next: (any EventListener)?) {
        var limits: [String: LabourerLimits] = [:]
        for labourer in configuration.taskManager.labourers {
            limits[labourer.id] = LabourerLimits(
                maxAttempts: labourer.maxAttempts, cap: labourer.maxSimultaneousInvocations)
        }
        var byFunction: [String: String] = [:]
        for labourer in configuration.labourerFunctions { byFunction[labourer.function] = labourer.id }
        self.init(start: start, limits: limits, labourerOfFunction: byFunction, next: next)
    }

    /// Looks tasks up in `tables` from now on (before it, table checks pass).
    func watch(_ tables: any TaskTableLookup) {
        state.withLock { $0.tables = tables }
    }

    /// The first invariant broken so far.
    var violation: InvariantViolation? {
        state.withLock { $0.violation }
    }

    /// What the run did at least once so far (faults fired, paths taken).
    var sometimes: SometimesTally {
        state.withLock { $0.sometimes }
    }

    func record(_ event: String, at time: UnixTime, _ fields: EventFields) {
        state.withLock { state in
            state.recent.append(event, at: time, fields)
            let kind = RunEvent(rawValue: event)
            state.sometimes.record(kind, fields)
            guard state.violation == nil else { return }
            check(kind, at: time, fields, &state)
        }
        next?.record(event, at: time, fields)
    }

    private func check(_ event: RunEvent?, at time: UnixTime, _ fields: EventFields, _ state: inout State) {
        lazy var taskID = fields["task_id"]?.stringValue
        lazy var labourerID = fields["labourer_id"]?.stringValue
        func fail(_ invariant: String, _ task: String?, _ detail: String) {
            state.violation = InvariantViolation(
                invariant: invariant, seconds: (time - start).secondsValue, taskID: task, detail: detail,
                recentEvents: state.recent.lines())
        }
        switch event {
        case .taskCreated:
            guard let taskID, let labourerID else { return }
            state.tasks[taskID] = TaskState(labourerID: labourerID)
        case .taskInvoked:
            guard let taskID, let labourerID else { return }
            let attempt = Int(fields["attempt"]?.intValue ?? 0)
            if let limit = limits[labourerID], attempt > limit.maxAttempts {
                return fail("attempts_within_max_attempts", taskID,
                            "invoked for attempt \(attempt), above max_attempts \(limit.maxAttempts) of \(labourerID)")
            }
            guard let index = state.tasks.index(forKey: taskID) else { return }
            guard state.tasks.values[index].queued else {
                return fail("invoked_only_when_queued", taskID,
                            "invoked (attempt \(attempt)) while not queued: already invoked, waiting for retry or closed")
            }
            state.tasks.values[index].queued = false
        case .taskCompleted:
            guard let taskID, let task = state.tasks[taskID] else { return }
            state.tasks[taskID]?.completed = true
            if task.closed, let tables = state.tables, tables.holds(taskID, in: .tasks) {
                fail("no_recreation_by_late_completion", taskID,
                     "a completion after the task was archived put it back in sosw_tasks")
            }
        case .taskExpired:
            guard let taskID, let labourerID, let limit = limits[labourerID] else { return }
            let attempts = Int(fields["attempts"]?.intValue ?? 0)
            if attempts >= limit.maxAttempts { state.tasks[taskID]?.expiredOutOfAttempts = true }
        case .taskRetryScheduled:
            guard let taskID, let labourerID else { return }
            state.tasks[taskID]?.queued = false
            state.tasks[taskID]?.retried = true
            expectOnlyIn(.retry, taskID, labourerID, state.tables, fail)
        case .taskRequeued:
            guard let taskID, let labourerID else { return }
            state.tasks[taskID]?.queued = true
            expectOnlyIn(.tasks, taskID, labourerID, state.tables, fail)
        case .taskDead:
            guard let taskID, let task = state.tasks[taskID] else { return }
            if !task.expiredOutOfAttempts {
                fail("dead_has_reason", taskID, "closed as dead without having expired after all its attempts")
            }
        case .taskArchived:
            guard let taskID, let labourerID else { return }
            let outcome = fields["outcome"]?.stringValue ?? ""
            var retried = true
            if let task = state.tasks[taskID] {
                retried = task.retried
                if outcome == TaskEvent.ArchiveOutcome.completed.rawValue, !task.completed {
                    return fail("archive_matches_history", taskID, "archived as completed, but no completion was recorded")
                }
                if outcome == TaskEvent.ArchiveOutcome.dead.rawValue, task.completed {
                    return fail("archive_matches_history", taskID, "archived as dead after its completion was recorded")
                }
                state.tasks[taskID]?.closed = true
                state.tasks[taskID]?.queued = false
            }
            expectOnlyIn(.closed, taskID, labourerID, state.tables, lookingInRetry: retried, fail)
        case .essentialStarted where fields["essential"]?.stringValue == Essential.orchestrator.rawValue:
            state.orchestratorsInFlight += 1
            state.peakOrchestrators = max(state.peakOrchestrators, state.orchestratorsInFlight)
        case .essentialFinished where fields["essential"]?.stringValue == Essential.orchestrator.rawValue:
            state.orchestratorsInFlight = max(0, state.orchestratorsInFlight - 1)
        case .fault where fields["kind"]?.stringValue == "essential_crash"
            && fields["essential"]?.stringValue == Essential.orchestrator.rawValue:
            state.orchestratorsInFlight = max(0, state.orchestratorsInFlight - 1)
        case .workerStarted:
            guard let function = fields["function"]?.stringValue, let labourerID = labourerOfFunction[function],
                fields["duplicate"]?.boolValue != true
            else { return }
            state.running[labourerID, default: 0] += 1
            guard let limit = limits[labourerID] else { return }
            let allowed = limit.cap * state.peakOrchestrators
            if state.running[labourerID]! > allowed {
                fail("running_within_cap", taskID,
                     "\(state.running[labourerID]!) executions of \(labourerID) running, above its cap \(limit.cap) "
                        + "× \(state.peakOrchestrators) Orchestrator run(s) at once")
            }
        case .workerFinished:
            guard let function = fields["function"]?.stringValue, let labourerID = labourerOfFunction[function],
                fields["duplicate"]?.boolValue != true
            else { return }
            state.running[labourerID, default: 0] -= 1
        default:
            return
        }
    }

    private func expectOnlyIn(
        _ table: TaskTable, _ taskID: String, _ labourerID: String, _ tables: (any TaskTableLookup)?,
        lookingInRetry: Bool = true, _ fail: (String, String?, String) -> Void
    ) {
        guard let tables else { return }
        // A task never moved to the retry table is not looked for there (a lookup fewer per archive).
        let held = lookingInRetry
            ? tables.tables(holding: taskID, labourerID: labourerID)
            : TaskTable.allCases.filter { $0 != .retry && tables.holds(taskID, in: $0) }
        guard held != [table] else { return }
        fail("one_table", taskID, "expected only in the \(table.rawValue) table, found in \(Self.describe(held))")
    }

    /// Checks at the end of a run that every task is in exactly one table (an archived one only for being back
    /// in the queue) and, when `drainDeadline` is given
    /// (the run should have drained by then) and the run reached it undrained, that it drained. Returns the
    /// first violation of the run, this one or an earlier one.
    func finish(at end: UnixTime, drained: Bool, drainDeadline: UnixTime?) -> InvariantViolation? {
        state.withLock { state in
            guard state.violation == nil else { return state.violation }
            let seconds = (end - start).secondsValue
            for taskID in state.tasks.keys.sorted() {
                guard let tables = state.tables else { break }
                let task = state.tasks[taskID]!
                // A closed task was seen only in the closed table when archived; only a write back to the
                // queue could have moved it since.
                if task.closed, !tables.holds(taskID, in: .tasks) { continue }
                let held = tables.tables(holding: taskID, labourerID: task.labourerID)
                if held.count != 1 {
                    state.violation = InvariantViolation(
                        invariant: "one_table", seconds: seconds, taskID: taskID,
                        detail: "at the end of the run in \(Self.describe(held)), expected in exactly one table",
                        recentEvents: state.recent.lines())
                    return state.violation
                }
            }
            if let drainDeadline, !drained, end >= drainDeadline {
                let open = state.tasks.keys.sorted().first { !state.tasks[$0]!.closed }
                state.violation = InvariantViolation(
                    invariant: "eventually_drained", seconds: seconds, taskID: open,
                    detail: "the run should have drained by +\((drainDeadline - start).secondsValue)s "
                        + "(no load left, no fault active) but tasks are still open",
                    recentEvents: state.recent.lines())
            }
            return state.violation
        }
    }

    private static func describe(_ held: [TaskTable]) -> String {
        held.isEmpty ? "no table" : held.map(\.rawValue).joined(separator: " and ")
    }
}
