extension ScenarioWorld {
    /// What Lambda bills so far, per function: the scenario's functions and the essentials' own, whether they
    /// ran in the Lambda fake or were run by the driver; functions that never ran are left out.
    var billedFunctions: [FunctionBilling] {
        var billed = essentialRuns.billing(pricing: scenario.pricing)
        let registered = scenario.lambda.functions.map { ($0.name, $0.memoryMB) }
            + [Essential.workerAssistant, .scheduler].map { ($0.functionName, scenario.pricing.memoryMB(of: $0)) }
        for (name, memoryMB) in registered {
            guard let statistics = lambda.statistics(of: name), statistics.executionsEnded > 0 else { continue }
            billed.append(FunctionBilling(
                function: name, requests: statistics.executionsEnded, billedMilliseconds: statistics.billedMilliseconds,
                memoryMB: memoryMB))
        }
        return billed.sorted { $0.function < $1.function }
    }
}
