import SoswSimulation

extension RunCharts {
    /// The per-minute series and latencies of a finished scenario run; each labourer's minutes carry the peak
    /// concurrency of its function (found through its ARN, as the run does).
    public init(result: ScenarioRun.Result) {
        let functionOfLabourer = Dictionary(uniqueKeysWithValues: result.configuration.labourerFunctions.map { ($0.id, $0.function) })
        self.init(
            labourers: result.figures.labourers.map { labourer in
                let functionMinutes = functionOfLabourer[labourer.id].flatMap(result.figures.function)?.series ?? []
                let peakByMinute = Dictionary(functionMinutes.map { ($0.minute, $0.concurrency) }, uniquingKeysWith: max)
                return Labourer(
                    id: labourer.id,
                    minutes: labourer.series.map {
                        LabourerMinute(
                            minute: $0.minute, queued: $0.queued, running: $0.running, peakRunning: peakByMinute[$0.minute],
                            invoked: $0.invoked, completed: $0.completed, expired: $0.expired, retried: $0.retried,
                            dead: $0.dead, health: $0.health)
                    },
                    latencies: labourer.latencies)
            },
            functions: result.figures.functions.map { function in
                Function(
                    name: function.name,
                    reservedConcurrency: result.scenario.lambda.function(named: function.name)?.reservedConcurrency,
                    minutes: function.series.map {
                        FunctionMinute(minute: $0.minute, concurrency: $0.concurrency, throttles: $0.throttles)
                    })
            },
            accountConcurrency: result.scenario.lambda.accountConcurrency)
        metrics = result.figures.metrics
    }
}
