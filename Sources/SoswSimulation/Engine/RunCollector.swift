import SoswCore
import Synchronization

/// Builds a run's ``RunFigures`` from its event log as the events are recorded: counts per labourer and per
/// function, running executions and their peaks, tasks executed more than once, Lambda's own retries, health
/// time, per-minute series and per-task records.
final class RunCollector: EventListener {
    private struct Labourer {
        var figures: LabourerFigures
        var queued = 0
        var running = 0
        var health: Int?
        var healthSince: UnixTime?
        var runningSince: UnixTime
        var runningArea = 0.0
        var minute = LabourerMinute(minute: 0, queued: 0, running: 0, invoked: 0, completed: 0, expired: 0, retried: 0, dead: 0)
    }

    private struct Function {
        var figures: FunctionFigures
        var running = 0
        var minute = FunctionMinute(minute: 0, concurrency: 0, throttles: 0)
    }

    /// One invocation attempt of a task; seeing the same one twice is a duplicate invocation.
    private struct TaskAttempt: Hashable {
        var taskID: String
        var attempt: Int
    }

    private struct State {
        var labourers: [String: Labourer] = [:]
        var functions: [String: Function] = [:]
        var tasks: [String: Int] = [:]
        var records: [TaskRecordFigures] = []
        var invokedAttempts: Set<TaskAttempt> = []
        var duplicateInvocations = 0
        /// Executions started per task id, of the labourers' functions.
        var executionsByTask: [String: Int] = [:]
        var open = 0
        var lastClosed: UnixTime?
        var minute = 0
        var events = 0
    }

    private let start: UnixTime
    /// Function name → labourer id, for the labourers' worker functions.
    private let labourerOfFunction: [String: String]
    private let state: Mutex<State>

    init(start: UnixTime, labourers: [(id: String, function: String)], functions: [String]) {
        self.start = start
        var byFunction: [String: String] = [:]
        var state = State()
        for labourer in labourers {
            byFunction[labourer.function] = labourer.id
            state.labourers[labourer.id] = Labourer(figures: LabourerFigures(id: labourer.id), runningSince: start)
        }
        for function in functions {
            state.functions[function] = Function(figures: FunctionFigures(name: function))
        }
        labourerOfFunction = byFunction
        self.state = Mutex(state)
    }

    /// Tasks created and not yet archived.
    var openTasks: Int {
        state.withLock { $0.open }
    }

    /// Tasks created so far.
    var createdTasks: Int {
        state.withLock { $0.records.count }
    }

    func record(_ event: String, at time: UnixTime, _ fields: EventFields) {
        state.withLock { state in
            state.events += 1
            advance(&state, to: time)
            // Looked up only by the events that use them: most events of a run are not counted here.
            lazy var taskID = fields["task_id"]?.stringValue
            lazy var labourerID = fields["labourer_id"]?.stringValue
            switch RunEvent(rawValue: event) {
            case .taskCreated:
                guard let taskID, let labourerID else { return }
                state.tasks[taskID] = state.records.count
                state.records.append(TaskRecordFigures(taskID: taskID, labourerID: labourerID, created: seconds(time)))
                state.open += 1
                update(&state, labourerID) { $0.figures.created += 1; $0.queued += 1 }
            case .taskInvoked:
                guard let taskID, let labourerID else { return }
                let attempt = Int(fields["attempt"]?.intValue ?? 0)
                if !state.invokedAttempts.insert(TaskAttempt(taskID: taskID, attempt: attempt)).inserted { state.duplicateInvocations += 1 }
                if let index = state.tasks[taskID] { state.records[index].invocations.append((seconds(time), attempt)) }
                update(&state, labourerID) { $0.figures.invocations += 1; $0.queued -= 1; $0.minute.invoked += 1 }
            case .taskCompleted:
                guard let taskID else { return }
                if let index = state.tasks[taskID], state.records[index].completed == nil {
                    state.records[index].completed = seconds(time)
                }
            case .taskExpired:
                guard let labourerID else { return }
                update(&state, labourerID) { $0.figures.expired += 1; $0.minute.expired += 1 }
            case .taskRetryScheduled:
                guard let labourerID else { return }
                update(&state, labourerID) { $0.figures.retries += 1; $0.minute.retried += 1 }
            case .taskRequeued:
                guard let labourerID else { return }
                update(&state, labourerID) { $0.queued += 1 }
            case .taskArchived:
                guard let taskID, let labourerID else { return }
                let outcome = fields["outcome"]?.stringValue ?? "completed"
                var latency: Double?
                if let index = state.tasks[taskID] {
                    state.records[index].archived = seconds(time)
                    state.records[index].outcome = outcome
                    latency = state.records[index].latency
                }
                state.open -= 1
                state.lastClosed = time
                update(&state, labourerID) { labourer in
                    if outcome == "dead" {
                        labourer.figures.dead += 1
                        labourer.minute.dead += 1
                    } else {
                        labourer.figures.completed += 1
                        labourer.minute.completed += 1
                    }
                    if let latency { labourer.figures.latencies.append(latency) }
                }
            case .workerStarted:
                guard let function = fields["function"]?.stringValue else { return }
                updateFunction(&state, function) { function in
                    function.figures.executions += 1
                    function.running += 1
                    function.figures.peakConcurrency = max(function.figures.peakConcurrency, function.running)
                    function.minute.concurrency = max(function.minute.concurrency, function.running)
                }
                guard let labourerID = labourerOfFunction[function] else { return }
                var executions = 1
                if let taskID {
                    state.executionsByTask[taskID, default: 0] += 1
                    executions = state.executionsByTask[taskID]!
                }
                update(&state, labourerID) { labourer in
                    labourer.runningArea += Double(labourer.running) * (time - labourer.runningSince).secondsValue
                    labourer.runningSince = time
                    labourer.running += 1
                    labourer.figures.peakRunning = max(labourer.figures.peakRunning, labourer.running)
                    if executions == 2 { labourer.figures.duplicateExecutions += 1 }
                    if executions >= 2 { labourer.figures.extraExecutions += 1 }
                }
            case .workerFinished:
                guard let function = fields["function"]?.stringValue else { return }
                updateFunction(&state, function) { $0.running -= 1 }
                guard let labourerID = labourerOfFunction[function] else { return }
                update(&state, labourerID) { labourer in
                    labourer.runningArea += Double(labourer.running) * (time - labourer.runningSince).secondsValue
                    labourer.runningSince = time
                    labourer.running -= 1
                }
            case .lambdaThrottled:
                guard let function = fields["function"]?.stringValue else { return }
                updateFunction(&state, function) { $0.figures.throttles += 1; $0.minute.throttles += 1 }
            case .lambdaRetryScheduled:
                guard let function = fields["function"]?.stringValue else { return }
                updateFunction(&state, function) { $0.figures.lambdaAsyncRetries += 1 }
                guard let labourerID = labourerOfFunction[function] else { return }
                update(&state, labourerID) { $0.figures.lambdaAsyncRetries += 1 }
            case .orchestratorLabourer:
                guard let labourerID, let level = fields["health"]?.intValue else { return }
                update(&state, labourerID) { labourer in
                    if let health = labourer.health, let since = labourer.healthSince {
                        labourer.figures.secondsAtHealth[health, default: 0] += (time - since).secondsValue
                    }
                    labourer.health = Int(level)
                    labourer.healthSince = time
                }
            default:
                return
            }
        }
    }

    /// The figures of the run as it stands at `end`, with `awsCalls` counted at the ports.
    func figures(at end: UnixTime, awsCalls: [OperationFigures]) -> RunFigures {
        state.withLock { state in
            advance(&state, to: end)
            closeMinute(&state)
            var labourers: [LabourerFigures] = []
            for id in state.labourers.keys.sorted() {
                var labourer = state.labourers[id]!
                if let health = labourer.health, let since = labourer.healthSince {
                    labourer.figures.secondsAtHealth[health, default: 0] += (end - since).secondsValue
                }
                let area = labourer.runningArea + Double(labourer.running) * (end - labourer.runningSince).secondsValue
                let elapsed = (end - start).secondsValue
                labourer.figures.meanRunning = elapsed > 0 ? area / elapsed : 0
                labourer.figures.latencies.sort()
                labourers.append(labourer.figures)
            }
            return RunFigures(
                labourers: labourers,
                functions: state.functions.keys.sorted().map { state.functions[$0]!.figures },
                awsCalls: awsCalls, tasks: state.records, openTasks: state.open,
                lastClosedAfter: state.lastClosed.map { $0 - start }, duplicateInvocations: state.duplicateInvocations,
                events: state.events)
        }
    }

    private func seconds(_ time: UnixTime) -> Double {
        (time - start).secondsValue
    }

    private func update(_ state: inout State, _ labourerID: String, _ change: (inout Labourer) -> Void) {
        guard let index = state.labourers.index(forKey: labourerID) else { return }
        change(&state.labourers.values[index])
    }

    private func updateFunction(_ state: inout State, _ name: String, _ change: (inout Function) -> Void) {
        let index = state.functions.index(forKey: name) ?? {
            state.functions[name] = Function(figures: FunctionFigures(name: name))
            return state.functions.index(forKey: name)!
        }()
        change(&state.functions.values[index])
    }

    /// Closes every minute before the one `time` falls in.
    private func advance(_ state: inout State, to time: UnixTime) {
        let minute = max(0, Int((time - start).components.seconds / 60))
        while state.minute < minute {
            closeMinute(&state)
            state.minute += 1
        }
    }

    /// Appends the current minute's row to every series and starts the next one.
    private func closeMinute(_ state: inout State) {
        let minute = state.minute
        for id in state.labourers.keys {
            var labourer = state.labourers[id]!
            var row = labourer.minute
            row.minute = minute
            row.queued = labourer.queued
            row.running = labourer.running
            row.health = labourer.health
            labourer.figures.series.append(row)
            labourer.minute = LabourerMinute(
                minute: minute + 1, queued: 0, running: 0, invoked: 0, completed: 0, expired: 0, retried: 0, dead: 0)
            state.labourers[id] = labourer
        }
        for name in state.functions.keys {
            var function = state.functions[name]!
            var row = function.minute
            row.minute = minute
            function.figures.series.append(row)
            function.minute = FunctionMinute(minute: minute + 1, concurrency: function.running, throttles: 0)
            state.functions[name] = function
        }
    }
}
