import SoswCore

extension ScenarioDriver {
    /// The timed Scheduler (`essentials.scheduler: {every, offset, jitter, job}`): sends `job` to the Scheduler's
    /// function at `offset`, then every `every`, each delayed by a jitter draw, as an EventBridge rule with a
    /// constant input invokes it. Each job is an asynchronous invocation of its own: one arriving while an earlier
    /// run's continuation is still pending gets its own cursor, so neither writes the other's tasks.
    func sendScheduledJobs(_ job: JSONValue, on schedule: EssentialSchedule) async {
        let scenario = world.scenario
        let clock = world.clock
        let random = world.random.stream("essentials/scheduler")
        var tick = 0
        while !Task.isCancelled {
            var due = scenario.start + schedule.offset + schedule.every * tick
            if schedule.jitter > .zero { due = due + random.duration(.uniform(.zero, schedule.jitter)) }
            tick += 1
            guard (try? await clock.sleep(until: SimInstant(unixTime: due), tolerance: nil)) != nil else { return }
            world.log.record(.loadJob, at: clock.currentTime(), ["essential": .string(Essential.scheduler.rawValue)])
            do {
                _ = try await world.essentials.ports.lambda.invoke(
                    InvokeInput(functionName: ScenarioWorld.schedulerFunction, invocationType: .event, json: job))
            } catch {
                guard !(error is CancellationError) else { return }
                world.log.record(.loadFailed, at: clock.currentTime(), [
                    "essential": .string(Essential.scheduler.rawValue), "error": .string(String(describing: error)),
                ])
            }
        }
    }
}
