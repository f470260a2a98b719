import SoswCore

/// The life of an async event and of every execution: delivery, throttling with backoff, the execution under
/// the function's Timeout, Lambda's retries after errors, and giving up.
extension SimulatedLambda {
    /// Why Lambda discarded an async event.
    enum DropReason: String {
        /// Older than the function's maximum event age (throttled or retried for too long).
        case maximumEventAge = "max_event_age"
        /// Failed on every attempt Lambda allows.
        case retriesExhausted = "retries_exhausted"
    }

    /// Takes every delivery that is due from the internal queue: starts it when concurrency allows (the
    /// caller runs it as a child task), puts it back with a backoff when throttled, drops it when it is older
    /// than the function's maximum event age. Returns the deliveries to start, with their start time.
    func dispatchDue(at now: UnixTime) -> [(PendingDelivery, UnixTime)] {
        var started: [(PendingDelivery, UnixTime)] = []
        var throttled: [(PendingDelivery, LambdaError.ThrottleReason)] = []
        var expired: [PendingDelivery] = []
        state.withLock { state in
            while let next = state.pending.min, next.due <= now.nanoseconds {
                var delivery = state.pending.removeMin()
                let function = delivery.event.function
                if now - delivery.event.receivedAt > function.definition.maximumEventAge {
                    expired.append(delivery)
                } else if let reason = state.acquire(function.name, at: now) {
                    delivery.throttles += 1
                    delivery.due = (now + throttleBackoff(after: delivery.throttles, drawingFrom: function.deliveries)).nanoseconds
                    throttled.append((delivery, reason))
                } else {
                    started.append((delivery, now))
                }
            }
            for (delivery, _) in throttled {
                state.enqueue(delivery.event, due: UnixTime(nanoseconds: delivery.due), attempt: delivery.attempt, throttles: delivery.throttles)
            }
        }
        for (delivery, reason) in throttled {
            recordThrottle(
                delivery.event.function, requestID: delivery.event.requestID, taskID: delivery.event.taskID,
                reason: reason, retryAt: UnixTime(nanoseconds: delivery.due), at: now)
        }
        for delivery in expired {
            drop(delivery.event, reason: .maximumEventAge, attempt: delivery.attempt, at: now)
        }
        return started
    }

    /// One execution of a delivery whose concurrency `dispatchDue` acquired; afterwards the event is done,
    /// queued for Lambda's retry after an error, or dropped when its retries are exhausted. Ends quietly when
    /// the run is cancelled.
    func execute(_ delivery: PendingDelivery, startedAt now: UnixTime) async {
        let event = delivery.event
        let function = event.function
        let definition = function.definition
        let invocation = WorkerInvocation(
            functionName: function.name, requestID: event.requestID, invocationType: .event, payload: event.payload,
            taskID: event.taskID, attempt: delivery.attempt, isDuplicate: event.isDuplicate,
            clientContext: event.clientContext, startedAt: now, deadline: now + definition.timeout)
        guard let result = try? await executeHoldingConcurrency(function, invocation) else { return }
        if result.outcome == .complete {
            state.withLock { $0.eventsInFlight -= 1 }
            finishIfDrained()
            return
        }
        let finished = clock.currentTime()
        guard delivery.attempt <= definition.maximumRetryAttempts else {
            drop(event, reason: .retriesExhausted, attempt: delivery.attempt, at: finished)
            return
        }
        let delays = configuration.errorRetryDelays
        let due = finished + delays[min(delivery.attempt - 1, delays.count - 1)]
        state.withLock { state in
            state.statistics[function.name, default: FunctionStatistics()].retries += 1
            state.enqueue(event, due: due, attempt: delivery.attempt + 1, throttles: 0)
        }
        var fields = eventFields(event)
        fields["attempt"] = .int(Int64(delivery.attempt + 1))
        fields["retry_at"] = .double(due.seconds)
        log.record(.lambdaRetryScheduled, at: finished, fields)
        wake.yield()
    }

    /// Runs one execution on concurrency already acquired for it, and gives the concurrency back however the
    /// execution ends (cancellation included).
    func executeHoldingConcurrency(_ function: RegisteredFunction, _ invocation: WorkerInvocation) async throws
        -> ExecutionResult
    {
        defer { release(function) }
        return try await execute(function, invocation)
    }

    /// One execution: the drawn duration and outcome, cut at the Timeout, then the worker's behaviour racing
    /// the deadline.
    private func execute(_ function: RegisteredFunction, _ invocation: WorkerInvocation) async throws
        -> ExecutionResult
    {
        let definition = function.definition
        let duration = definition.worker.duration.draw(from: function.durations)
        let planned = plannedOutcome(function, taskID: invocation.taskID)
        var fields = invocationFields(invocation)
        state.withLock { $0.statistics[function.name, default: FunctionStatistics()].executionsStarted += 1 }
        log.record(.workerStarted, at: invocation.startedAt, fields)

        let timedOut = ExecutionResult(
            outcome: .timeout,
            errorMessage: "\(invocation.requestID) Task timed out after "
                + "\(ExecutionResult.twoDecimals(definition.timeout.secondsValue)) seconds",
            errorType: "Sandbox.Timedout", elapsed: definition.timeout)
        var result: ExecutionResult
        if planned == .hang || duration >= definition.timeout || timesOutByFault(function, invocation) {
            try await clock.executor.sleep(until: invocation.deadline)
            result = timedOut
        } else {
            try await clock.sleep(for: duration)
            if planned == .fail {
                result = ExecutionResult(
                    outcome: .fail, errorMessage: "The simulated worker failed (outcome model: fail)",
                    errorType: "SimulatedWorkerFailure", elapsed: duration)
            } else {
                result = try await completeBeforeDeadline(definition.behaviour, invocation) ?? timedOut
            }
        }
        result.elapsed = clock.currentTime() - invocation.startedAt

        fields["outcome"] = .string(result.outcome.rawValue)
        fields["duration"] = .double((result.elapsed.secondsValue * 1000).rounded() / 1000)
        if let message = result.errorMessage, result.outcome == .fail { fields["error"] = .string(message) }
        state.withLock { $0.statistics[function.name, default: FunctionStatistics()].recordFinished(result.outcome, elapsed: result.elapsed) }
        log.record(.workerFinished, at: clock.currentTime(), fields)
        return result
    }

    /// Whether the injected timeout fault makes this execution hang until its Timeout (logged when it does).
    private func timesOutByFault(_ function: RegisteredFunction, _ invocation: WorkerInvocation) -> Bool {
        let probability = deliveryFaults.timeout
        guard probability > 0, function.faults.bernoulli(probability) else { return false }
        log.recordFault("lambda_timeout", at: invocation.startedAt, invocationFields(invocation))
        return true
    }

    /// Runs the worker's behaviour against the deadline; nil when the deadline came first (the behaviour is
    /// then cancelled, as Lambda stops the process).
    private func completeBeforeDeadline(_ behaviour: any WorkerBehaviour, _ invocation: WorkerInvocation)
        async throws -> ExecutionResult?
    {
        let clock = self.clock
        let result = await withTaskGroup(of: ExecutionResult?.self) { group in
            group.addTask {
                do {
                    let response = try await behaviour.complete(invocation)
                    return ExecutionResult(outcome: .complete, response: response, elapsed: .zero)
                } catch {
                    return ExecutionResult(
                        outcome: .fail, errorMessage: String(describing: error),
                        errorType: String(describing: type(of: error)), elapsed: .zero)
                }
            }
            group.addTask {
                try? await clock.executor.sleep(until: invocation.deadline)
                return nil
            }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        try Task.checkCancellation()
        return result
    }

    /// The outcome the worker model gives this execution: drawn now, or, with ``OutcomeScope/task``, drawn
    /// once for the task and kept.
    private func plannedOutcome(_ function: RegisteredFunction, taskID: String?) -> WorkerOutcome {
        let worker = function.definition.worker
        guard worker.outcomeScope == .task, let taskID else {
            return worker.outcomes.draw(from: function.outcomes)
        }
        return state.withLock { state in
            if let known = state.taskOutcomes[function.name]?[taskID] { return known }
            let drawn = worker.outcomes.draw(from: function.outcomes)
            state.taskOutcomes[function.name, default: [:]][taskID] = drawn
            return drawn
        }
    }

    /// A throttle delay: exponential from the initial delay to the maximum, each drawn between half of it
    /// and all of it so that throttled events do not come back in lockstep.
    func throttleBackoff(after throttles: Int, drawingFrom random: SeededRandom) -> Duration {
        let initial = configuration.throttleBackoffInitial.secondsValue
        let ceiling = min(configuration.throttleBackoffMaximum.secondsValue, initial * pow2(throttles - 1))
        let seconds = ceiling / 2 + random.unitInterval() * ceiling / 2
        return .nanoseconds(Int64((seconds * 1e9).rounded()))
    }

    private func pow2(_ exponent: Int) -> Double {
        exponent >= 62 ? Double.greatestFiniteMagnitude : Double(UInt64(1) << UInt64(max(0, exponent)))
    }

    private func drop(_ event: QueuedEvent, reason: DropReason, attempt: Int, at now: UnixTime) {
        state.withLock { state in
            state.eventsInFlight -= 1
            switch reason {
            case .maximumEventAge: state.statistics[event.function.name, default: FunctionStatistics()].eventsDroppedByAge += 1
            case .retriesExhausted: state.statistics[event.function.name, default: FunctionStatistics()].eventsDroppedAfterRetries += 1
            }
        }
        var fields = eventFields(event)
        fields["reason"] = .string(reason.rawValue)
        fields["attempt"] = .int(Int64(attempt))
        fields["age"] = .double(((now - event.receivedAt).secondsValue * 1000).rounded() / 1000)
        log.record(.lambdaEventDropped, at: now, fields)
        finishIfDrained()
    }

    private func eventFields(_ event: QueuedEvent) -> EventFields {
        var fields: EventFields = [
            "function": .string(event.function.name), "request_id": .string(event.requestID),
        ]
        if let taskID = event.taskID { fields["task_id"] = .string(taskID) }
        if event.isDuplicate { fields["duplicate"] = .bool(true) }
        return fields
    }

    private func invocationFields(_ invocation: WorkerInvocation) -> EventFields {
        var fields: EventFields = [
            "function": .string(invocation.functionName), "request_id": .string(invocation.requestID),
            "attempt": .int(Int64(invocation.attempt)), "invocation_type": .string(invocation.invocationType.rawValue),
        ]
        if let taskID = invocation.taskID { fields["task_id"] = .string(taskID) }
        if invocation.isDuplicate { fields["duplicate"] = .bool(true) }
        return fields
    }
}
