/// A scenario file of either form `sosw simulate` accepts.
///
/// The form is decided by the top-level keys: a file with `workload:` is a ``KernelScenario`` (the kernel's
/// built-in contention workload, e.g. `scenarios/kernel-contention.yaml`); any other file is a scenario-engine
/// ``Scenario`` (the scenario file of README.md). The two share `name`, `description`, `seed` and `start`, and
/// neither form accepts the other's keys, so a file cannot be half of each.
public enum LoadedScenario: Sendable {
    case kernel(KernelScenario)
    case engine(Scenario)

    public var name: String {
        switch self {
        case .kernel(let scenario): scenario.name
        case .engine(let scenario): scenario.name
        }
    }
}
