import SoswCore

/// Shrinks a scenario that breaks an invariant to a smallest one that still breaks the same invariant: delta
/// debugging over its faults, load entries and labourers (dropping chunks of each list, halving the chunks
/// until single elements), then over the tasks (halving each entry's count, repeats and rate) and the time
/// span (halving the stop limit). A candidate is kept only if it loads (it is written and read back as a
/// file would be) and its run breaks the same invariant; each pass repeats until nothing more can go.
public struct ScenarioShrinker: Sendable {
    /// The invariant a candidate must break to be kept.
    public let invariant: String
    /// The most candidate runs one shrink may spend.
    public let budget: Int

    public init(invariant: String, budget: Int = 400) {
        self.invariant = invariant
        self.budget = budget
    }

    /// The smallest scenario found, its YAML text, and the candidate runs spent.
    public func shrink(_ scenario: Scenario) -> (scenario: Scenario, yaml: String, runs: Int)? {
        var search = Search(invariant: invariant, budget: budget)
        guard var best = search.keep(scenario) else { return nil }
        var changed = true
        while changed, search.runs < budget {
            changed = false
            changed = shrinkList(&best, \.faults, &search) || changed
            changed = shrinkList(&best, \.load, &search) || changed
            changed = dropLabourers(&best, &search) || changed
            changed = shrinkTasks(&best, &search) || changed
            changed = shrinkSpan(&best, &search) || changed
        }
        return (best.scenario, best.yaml, search.runs)
    }

    /// The candidates tried so far and the budget left.
    private struct Search {
        let invariant: String
        let budget: Int
        var runs = 0

        /// The candidate as a loaded scenario and its text, when it loads and breaks the invariant.
        mutating func keep(_ candidate: Scenario) -> (scenario: Scenario, yaml: String)? {
            guard runs < budget, let yaml = try? ScenarioWriter.yaml(candidate),
                let loaded = try? ScenarioLoader().scenario(yaml: yaml, file: "\(candidate.name).yaml")
            else { return nil }
            runs += 1
            guard let result = try? ScenarioRun(loaded).run(), result.invariantViolation?.invariant == invariant else {
                return nil
            }
            return (loaded, yaml)
        }
    }

    /// ddmin over one list of the scenario: drops chunks, from halves down to single elements.
    private func shrinkList<Element>(
        _ best: inout (scenario: Scenario, yaml: String), _ list: WritableKeyPath<Scenario, [Element]>, _ search: inout Search
    ) -> Bool {
        var changed = false
        var chunk = max(best.scenario[keyPath: list].count / 2, 1)
        while !best.scenario[keyPath: list].isEmpty {
            var start = 0
            var droppedAny = false
            while start < best.scenario[keyPath: list].count {
                var candidate = best.scenario
                let end = min(start + chunk, candidate[keyPath: list].count)
                candidate[keyPath: list].removeSubrange(start..<end)
                if let kept = search.keep(candidate) {
                    best = kept
                    changed = true
                    droppedAny = true
                } else {
                    start += chunk
                }
            }
            if chunk == 1 && !droppedAny { break }
            chunk = max(chunk / 2, 1)
        }
        return changed
    }

    /// Drops one labourer at a time with everything that names it: its config, function, load and metrics.
    private func dropLabourers(_ best: inout (scenario: Scenario, yaml: String), _ search: inout Search) -> Bool {
        var changed = false
        for labourer in Self.labourers(of: best.scenario) where Self.labourers(of: best.scenario).count > 1 {
            if let kept = search.keep(Self.without(labourer, best.scenario)) {
                best = kept
                changed = true
            }
        }
        return changed
    }

    /// Halves each load entry's tasks (count, repeats, rate and its span) while the invariant still breaks.
    private func shrinkTasks(_ best: inout (scenario: Scenario, yaml: String), _ search: inout Search) -> Bool {
        var changed = false
        for index in best.scenario.load.indices {
            while let smaller = Self.halved(best.scenario.load[index]) {
                var candidate = best.scenario
                candidate.load[index] = smaller
                guard let kept = search.keep(candidate) else { break }
                best = kept
                changed = true
            }
        }
        return changed
    }

    /// Halves the stop limit while the invariant still breaks.
    private func shrinkSpan(_ best: inout (scenario: Scenario, yaml: String), _ search: inout Search) -> Bool {
        var changed = false
        while best.scenario.stop.limit > .seconds(60) {
            var candidate = best.scenario
            switch candidate.stop {
            case .after(let limit): candidate.stop = .after(Self.half(limit))
            case .whenDrained(let limit): candidate.stop = .whenDrained(atMost: Self.half(limit))
            }
            guard let kept = search.keep(candidate) else { break }
            best = kept
            changed = true
        }
        return changed
    }

    // MARK: Scenario surgery

    static func labourers(of scenario: Scenario) -> [String] {
        scenario.config["task_config"]?["labourers"]?.objectValue?.keys.sorted() ?? []
    }

    /// `scenario` without `labourer`: its config, its function (the labourers of explored scenarios run in the
    /// function of their own name), its load, and the metrics whose dimension or load names it.
    static func without(_ labourer: String, _ scenario: Scenario) -> Scenario {
        var result = scenario
        if case .object(var config) = result.config, case .object(var taskConfig)? = config["task_config"],
            case .object(var labourers)? = taskConfig["labourers"]
        {
            labourers[labourer] = nil
            taskConfig["labourers"] = .object(labourers)
            config["task_config"] = .object(taskConfig)
            result.config = .object(config)
        }
        result.lambda.functions.removeAll { $0.name == labourer }
        result.load.removeAll { entry in
            switch entry.work {
            case .tasks(let batch): batch.labourer == labourer
            case .rate(let rate): rate.labourer == labourer
            case .job(let job): job["lambda_name"]?.stringValue == labourer
            }
        }
        result.metrics.removeAll { metric in
            if metric.dimensions.contains(where: { $0.value == labourer }) { return true }
            if case .reactive(let reactive) = metric.model { return reactive.perRunning[labourer] != nil }
            return false
        }
        return result
    }

    /// The entry with half its tasks; nil when it cannot get smaller.
    static func halved(_ entry: LoadEntry) -> LoadEntry? {
        var entry = entry
        switch entry.work {
        case .tasks(var batch):
            guard batch.count > 1 else { break }
            batch.count /= 2
            entry.work = .tasks(batch)
            return entry
        case .rate(var rate):
            guard rate.over > .seconds(60) else { break }
            rate.over = half(rate.over)
            entry.work = .rate(rate)
            return entry
        case .job:
            break
        }
        if case .every(let period, let from, let until?) = entry.trigger, until - from >= period {
            let repeats = Int(((until - from) / period).rounded(.down))
            entry.trigger = .every(period, from: from, until: from + period * (repeats / 2))
            return entry
        }
        return nil
    }

    /// Half of `duration`, in whole milliseconds.
    static func half(_ duration: Duration) -> Duration {
        .milliseconds((duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000) / 2)
    }
}
