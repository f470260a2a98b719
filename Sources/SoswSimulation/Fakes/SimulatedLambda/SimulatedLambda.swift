import Foundation
import HeapModule
import SoswCore
import Synchronization

/// The Lambda service in virtual time: the ``Lambda`` port over registered functions whose executions follow
/// worker models.
///
/// - `Event` invokes answer 202 at once and queue the event; the service loop (``run()``) delivers it when
///   concurrency allows. Throttled events are put back with exponential backoff (1 s doubling to 5 min) until
///   the function's maximum event age (6 h), so an execution may start hours after its invoker gave up on it.
///   Function errors and timeouts are retried up to the function's maximum retry attempts, about 1 and 2
///   minutes later; an event may be delivered twice.
/// - `RequestResponse` invokes run the execution in the caller's task and answer when it ends, or 429 when
///   there is no concurrency (no retries).
/// - Concurrency follows Lambda: an account limit, with per-function reservations carved out of it.
///
/// Every chance is drawn from the seeded source's streams (per function and purpose); every state change
/// is recorded in the event log (`worker.started`, `worker.finished` with `outcome`, `lambda.throttled`,
/// `lambda.retry_scheduled`, `lambda.duplicate_delivery`, `lambda.event_dropped`). A `final class` with a
/// `Mutex`, not an actor: it sits on the hot path of every simulated task.
public final class SimulatedLambda: Lambda, RunningExecutionsSource, Sendable {
    /// A registered function and its random streams.
    final class RegisteredFunction: Sendable {
        let definition: SimulatedFunction
        let arn: String
        let lastModified: UnixTime
        let durations: SeededRandom
        let outcomes: SeededRandom
        let deliveries: SeededRandom
        /// Draws of the injected delivery faults (``LambdaDeliveryFaults``).
        let faults: SeededRandom

        init(_ definition: SimulatedFunction, arn: String, lastModified: UnixTime, random: SeededRandom) {
            self.definition = definition
            self.arn = arn
            self.lastModified = lastModified
            durations = random.stream("lambda/\(definition.name)/duration")
            outcomes = random.stream("lambda/\(definition.name)/outcome")
            deliveries = random.stream("lambda/\(definition.name)/delivery")
            faults = random.stream("lambda/\(definition.name)/faults")
        }

        var name: String { definition.name }
    }

    /// An accepted async event (or one duplicate of it) waiting for delivery.
    struct QueuedEvent: Sendable {
        let function: RegisteredFunction
        let requestID: String
        let payload: JSONValue
        let taskID: String?
        let clientContext: String?
        let receivedAt: UnixTime
        let firstDelivery: UnixTime
        let isDuplicate: Bool
    }

    struct State {
        var functions: [String: RegisteredFunction] = [:]
        /// Function references (names or ARNs, without a separate qualifier) already resolved: the orchestrator
        /// invokes the same few references thousands of times. Cleared when a function is registered.
        var resolvedReferences: [String: RegisteredFunction] = [:]
        var concurrency: LambdaConcurrency
        var statistics: [String: FunctionStatistics] = [:]
        /// Per function, the outcome drawn for each task id (``OutcomeScope/task``).
        var taskOutcomes: [String: [String: WorkerOutcome]] = [:]
        var duplicateDeliveryProbability: Double
        var deliveryFaults = LambdaDeliveryFaults()
        /// Accepted deliveries not yet completed or dropped (queued, throttled, waiting to retry or running).
        var eventsInFlight = 0
        /// Lambda's internal queue: deliveries that are not running, by due time.
        var pending = Heap<PendingDelivery>()
        var sequence: UInt64 = 0
        var shuttingDown = false

        /// Takes one unit of concurrency for `function` and counts it, or says why there is none.
        mutating func acquire(_ function: String, at time: UnixTime) -> LambdaError.ThrottleReason? {
            if let reason = concurrency.acquire(function, at: time) { return reason }
            let running = concurrency.runningNow(function)
            statistics[function, default: FunctionStatistics()].running = running
            statistics[function]!.peakRunning = max(statistics[function]!.peakRunning, running)
            return nil
        }

        mutating func enqueue(_ event: QueuedEvent, due: UnixTime, attempt: Int, throttles: Int) {
            sequence += 1
            pending.insert(
                PendingDelivery(due: due.nanoseconds, sequence: sequence, event: event, attempt: attempt, throttles: throttles))
        }
    }

    let clock: SimClock
    let log: EventLog
    let configuration: SimulatedLambdaConfiguration
    let state: Mutex<State>
    private let random: SeededRandom
    private let latencies: SeededRandom
    private let requestIDs: SeededIDSource
    /// Wakes the service loop: an event arrived, an execution ended, or a due time was reached.
    private let wakeUps: AsyncStream<Void>
    let wake: AsyncStream<Void>.Continuation

    /// - Parameters:
    ///   - clock: the kernel's virtual clock; executions, backoffs and latencies sleep on it.
    ///   - random: the run's seeded source; the fake draws from its own streams of it (`lambda/...`).
    ///   - log: where every state change is recorded.
    public init(
        clock: SimClock, random: SeededRandom, log: EventLog,
        configuration: SimulatedLambdaConfiguration = SimulatedLambdaConfiguration()
    ) {
        self.clock = clock
        self.log = log
        self.configuration = configuration
        self.random = random
        latencies = random.stream("lambda/latency")
        requestIDs = SeededIDSource(random: random.stream("lambda/request-ids"))
        state = Mutex(
            State(
                concurrency: LambdaConcurrency(accountLimit: configuration.accountConcurrency),
                duplicateDeliveryProbability: configuration.duplicateDeliveryProbability))
        (wakeUps, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    // MARK: Setup and fault hooks

    /// Creates (or replaces) a function. Throws `InvalidParameterValueException` naming every setting Lambda
    /// would refuse, or when its reservation does not fit in the account.
    public func register(_ function: SimulatedFunction) throws {
        let problems = function.problems
        guard problems.isEmpty else {
            throw LambdaError(code: .invalidParameterValue, message: problems.joined(separator: "; "))
        }
        let arn = "arn:aws:lambda:\(configuration.region):\(configuration.accountID):function:\(function.name)"
        let registered = RegisteredFunction(function, arn: arn, lastModified: clock.currentTime(), random: random)
        try state.withLock { state throws(LambdaError) in
            if let reserved = function.reservedConcurrency {
                try state.concurrency.reserve(reserved, for: function.name)
            }
            state.functions[function.name] = registered
            state.resolvedReferences.removeAll()
            if state.statistics[function.name] == nil { state.statistics[function.name] = FunctionStatistics() }
        }
    }

    /// Changes the chance of a duplicate delivery from now on (a scenario fault).
    public func setDuplicateDeliveryProbability(_ probability: Double) {
        state.withLock { $0.duplicateDeliveryProbability = probability }
    }

    /// Turns on faults of the delivery of async events and of executions from now on (a scenario fault).
    public func setDeliveryFaults(_ faults: LambdaDeliveryFaults) {
        state.withLock { $0.deliveryFaults = faults }
    }

    var deliveryFaults: LambdaDeliveryFaults {
        state.withLock { $0.deliveryFaults }
    }

    // MARK: The service loop

    /// The service's event loop: keeps Lambda's internal queue of async events and starts each execution as a
    /// child task when concurrency allows, until ``shutdown()`` was called and every accepted event has
    /// completed or been dropped, or until the calling task is cancelled (which ends running executions where
    /// they are). Throttled and retried events wait in the queue, not in tasks, so a backlog of thousands costs
    /// no more than its heap entries. Call it once, from a task the simulation's driver owns (a child of its
    /// task group), never from an unstructured task.
    public func run() async {
        await withDiscardingTaskGroup { group in
            var armedUntil: Int64?
            for await _ in wakeUps {
                let now = clock.currentTime()
                if let armed = armedUntil, armed <= now.nanoseconds { armedUntil = nil }
                for (delivery, started) in dispatchDue(at: now) {
                    group.addTask { await self.execute(delivery, startedAt: started) }
                }
                if let next = state.withLock({ $0.pending.min?.due }), armedUntil.map({ next < $0 }) ?? true {
                    armedUntil = next
                    let wake = self.wake
                    let executor = clock.executor
                    group.addTask {
                        do {
                            try await executor.sleep(until: UnixTime(nanoseconds: next))
                            wake.yield()
                        } catch {
                            // Cancelled with the run.
                        }
                    }
                }
            }
        }
    }

    /// Stops accepting async events; ``run()`` returns once the accepted ones are finished or dropped.
    public func shutdown() {
        state.withLock { $0.shuttingDown = true }
        finishIfDrained()
    }

    /// Ends the service loop once it is shut down and nothing is left to deliver.
    func finishIfDrained() {
        if state.withLock({ $0.shuttingDown && $0.eventsInFlight == 0 }) {
            wake.finish()
        }
    }

    // MARK: Observation

    /// The counters of `function`; nil for an unknown function.
    public func statistics(of function: String) -> FunctionStatistics? {
        state.withLock { $0.statistics[function] }
    }

    /// The names of the registered functions, sorted.
    public var functionNames: [String] {
        state.withLock { $0.functions.keys.sorted() }
    }

    /// Executions running now, in the whole account.
    public var runningExecutions: Int {
        state.withLock { $0.concurrency.runningInAccount }
    }

    /// Accepted async events (duplicates included) not yet finished or dropped: zero when Lambda is drained.
    public var eventsInFlight: Int {
        state.withLock { $0.eventsInFlight }
    }

    public func runningExecutions(of function: String, at time: UnixTime) -> Int {
        state.withLock { $0.concurrency.running(function, at: time) }
    }

    // MARK: The port

    public func invoke(_ input: InvokeInput) async throws -> InvokeOutput {
        if let latency = configuration.invokeLatency {
            try await clock.sleep(for: latencies.duration(latency))
        }
        let function = try resolve(input.functionName, qualifier: input.qualifier)
        let type = input.effectiveInvocationType
        let bytes = input.payload ?? []
        let limit = type == .event ? configuration.maximumAsyncPayloadBytes : configuration.maximumSyncPayloadBytes
        guard bytes.count <= limit else {
            throw LambdaError(
                code: .requestTooLarge,
                message: "Request must be smaller than \(limit) bytes for the \(type.rawValue) invocation type; "
                    + "the payload has \(bytes.count) bytes")
        }
        if let context = input.clientContext, context.utf8.count > 3583 {
            throw LambdaError(
                code: .invalidParameterValue,
                message: "Client context must be at most 3583 bytes of base64 text, got \(context.utf8.count)")
        }
        let payload = try Self.parse(bytes)
        let taskID = payload[function.definition.worker.taskIDField]?.stringValue
        switch type {
        case .dryRun:
            return InvokeOutput(statusCode: 204)
        case .event:
            try accept(function, payload: payload, taskID: taskID, clientContext: input.clientContext)
            return InvokeOutput(statusCode: 202)
        case .requestResponse:
            return try await invokeSynchronously(
                function, payload: payload, taskID: taskID, clientContext: input.clientContext,
                tail: input.logType == .tail)
        }
    }

    public func getFunctionConfiguration(_ input: GetFunctionConfigurationInput) async throws -> FunctionConfiguration {
        if let latency = configuration.invokeLatency {
            try await clock.sleep(for: latencies.duration(latency))
        }
        let function = try resolve(input.functionName, qualifier: input.qualifier)
        let definition = function.definition
        return FunctionConfiguration(
            functionName: definition.name, functionArn: function.arn, runtime: definition.runtime,
            handler: "lambda_function.lambda_handler",
            timeout: Int(definition.timeout.components.seconds), memorySize: definition.memoryMB,
            lastModified: Self.lambdaTimestamp(function.lastModified), version: "$LATEST", state: "Active")
    }

    // MARK: Requests

    /// Finds the function a name, partial ARN or ARN (with an optional `:qualifier`) refers to; only
    /// `$LATEST` exists in the simulation.
    func resolve(_ reference: String, qualifier: String?) throws(LambdaError) -> RegisteredFunction {
        if qualifier == nil, let known = state.withLock({ $0.resolvedReferences[reference] }) { return known }
        let parsed: ARN.LambdaFunctionReference
        do throws(ARN.ParseError) {
            parsed = try ARN.LambdaFunctionReference(parsing: reference)
        } catch {
            throw LambdaError(
                code: .invalidParameterValue,
                message: "FunctionName '\(reference)' is neither a function name, a partial ARN "
                    + "(account:function:name) nor an ARN (arn:aws:lambda:region:account:function:name)")
        }
        let name = parsed.name
        let suffix = qualifier ?? parsed.qualifier
        let sameAccount = (parsed.account ?? configuration.accountID) == configuration.accountID
            && (parsed.region ?? configuration.region) == configuration.region
        let function = state.withLock { $0.functions[name] }
        guard sameAccount, let function, suffix == nil || suffix == "$LATEST" else {
            var arn = "arn:aws:lambda:\(configuration.region):\(configuration.accountID):function:\(name)"
            if let suffix { arn += ":\(suffix)" }
            throw LambdaError.functionNotFound(arn)
        }
        if qualifier == nil { state.withLock { $0.resolvedReferences[reference] = function } }
        return function
    }

    /// The event as the function receives it; Lambda refuses payloads that are not JSON.
    static func parse(_ bytes: [UInt8]) throws(LambdaError) -> JSONValue {
        guard !bytes.isEmpty else { return .object([:]) }
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw LambdaError(
                code: .invalidRequestContent,
                message: "Could not parse request body into json: the payload (\(bytes.count) bytes, starting "
                    + "'\(text.prefix(40))') is not a JSON document")
        }
    }

    /// Queues an async event (and maybe its duplicate) for the service loop.
    private func accept(_ function: RegisteredFunction, payload: JSONValue, taskID: String?, clientContext: String?)
        throws(LambdaError)
    {
        let now = clock.currentTime()
        let requestID = requestIDs.nextUUIDText()
        let (probability, faults) = try state.withLock { state throws(LambdaError) in
            guard !state.shuttingDown else {
                throw LambdaError(
                    code: .service, message: "The simulated Lambda service was shut down and accepts no more events")
            }
            state.statistics[function.name, default: FunctionStatistics()].asyncInvocations += 1
            return (state.duplicateDeliveryProbability, state.deliveryFaults)
        }
        var deliveries = [
            QueuedEvent(
                function: function, requestID: requestID, payload: payload, taskID: taskID,
                clientContext: clientContext, receivedAt: now,
                firstDelivery: firstDelivery(of: function, requestID: requestID, taskID: taskID, at: now, faults: faults),
                isDuplicate: false)
        ]
        if probability > 0 && function.deliveries.bernoulli(probability) {
            let at = now + function.deliveries.duration(configuration.duplicateDeliveryDelay)
            deliveries.append(
                QueuedEvent(
                    function: function, requestID: requestID, payload: payload, taskID: taskID,
                    clientContext: clientContext, receivedAt: now, firstDelivery: at, isDuplicate: true))
            var fields: EventFields = [
                "function": .string(function.name), "request_id": .string(requestID),
                "delivery_at": .double(at.seconds),
            ]
            if let taskID { fields["task_id"] = .string(taskID) }
            log.record(.lambdaDuplicateDelivery, at: now, fields)
        }
        state.withLock { state in
            state.eventsInFlight += deliveries.count
            state.statistics[function.name, default: FunctionStatistics()].duplicateDeliveries += deliveries.count - 1
            for delivery in deliveries {
                state.enqueue(delivery, due: delivery.firstDelivery, attempt: 1, throttles: 0)
            }
        }
        wake.yield()
    }

    /// When an accepted event is first due: now, unless a delivery fault holds it back (late, or lost: past
    /// the function's maximum event age, so that the service loop drops it when it comes due).
    private func firstDelivery(
        of function: RegisteredFunction, requestID: String, taskID: String?, at now: UnixTime, faults: LambdaDeliveryFaults
    ) -> UnixTime {
        var fields: EventFields = ["function": .string(function.name), "request_id": .string(requestID)]
        if let taskID { fields["task_id"] = .string(taskID) }
        if faults.lostEvent > 0, function.faults.bernoulli(faults.lostEvent) {
            log.recordFault("lambda_lost_event", at: now, fields)
            return now + function.definition.maximumEventAge + .seconds(1)
        }
        if let late = faults.lateDelivery, function.faults.bernoulli(late.probability) {
            let delay = function.faults.duration(.uniform(.zero, late.delay))
            fields["delay"] = .double(delay.secondsValue)
            log.recordFault("lambda_late_delivery", at: now, fields)
            return now + delay
        }
        return now
    }

    private func invokeSynchronously(
        _ function: RegisteredFunction, payload: JSONValue, taskID: String?, clientContext: String?, tail: Bool
    ) async throws -> InvokeOutput {
        let now = clock.currentTime()
        let requestID = requestIDs.nextUUIDText()
        state.withLock { $0.statistics[function.name, default: FunctionStatistics()].syncInvocations += 1 }
        if let reason = acquire(function, at: now) {
            recordThrottle(function, requestID: requestID, taskID: taskID, reason: reason, retryAt: nil, at: now)
            throw LambdaError.tooManyRequests(reason)
        }
        let invocation = WorkerInvocation(
            functionName: function.name, requestID: requestID, invocationType: .requestResponse, payload: payload,
            taskID: taskID, attempt: 1, isDuplicate: false, clientContext: clientContext, startedAt: now,
            deadline: now + function.definition.timeout)
        let result = try await executeHoldingConcurrency(function, invocation)
        var output = InvokeOutput(statusCode: 200, executedVersion: "$LATEST")
        switch result.outcome {
        case .complete:
            output.payload = result.response.map { Array($0.serialized().utf8) }
        case .fail, .timeout:
            output.functionError = "Unhandled"
            output.payload = Array(result.errorDocument.serialized().utf8)
        }
        if tail {
            let report =
                "START RequestId: \(requestID) Version: $LATEST\nEND RequestId: \(requestID)\n"
                + "REPORT RequestId: \(requestID)\tDuration: \(result.elapsedMilliseconds) ms\t"
                + "Memory Size: \(function.definition.memoryMB) MB\n"
            output.logResult = Data(report.utf8).base64EncodedString()
        }
        return output
    }

    // MARK: Concurrency

    func acquire(_ function: RegisteredFunction, at time: UnixTime) -> LambdaError.ThrottleReason? {
        state.withLock { $0.acquire(function.name, at: time) }
    }

    func release(_ function: RegisteredFunction) {
        let now = clock.currentTime()
        state.withLock { state in
            state.concurrency.release(function.name, at: now)
            state.statistics[function.name, default: FunctionStatistics()].running =
                state.concurrency.runningNow(function.name)
        }
    }

    func recordThrottle(
        _ function: RegisteredFunction, requestID: String, taskID: String?, reason: LambdaError.ThrottleReason,
        retryAt: UnixTime?, at now: UnixTime
    ) {
        state.withLock { $0.statistics[function.name, default: FunctionStatistics()].throttles += 1 }
        var fields: EventFields = [
            "function": .string(function.name), "request_id": .string(requestID), "reason": .string(reason.rawValue),
        ]
        if let taskID { fields["task_id"] = .string(taskID) }
        if let retryAt { fields["retry_at"] = .double(retryAt.seconds) }
        log.record(.lambdaThrottled, at: now, fields)
    }

    // MARK: Helpers

    /// `2026-01-05T02:00:00.000+0000`, the form of `LastModified`.
    static func lambdaTimestamp(_ time: UnixTime) -> String {
        let text = time.iso8601.dropLast()
        return (text.contains(".") ? String(text) : text + ".000") + "+0000"
    }
}
