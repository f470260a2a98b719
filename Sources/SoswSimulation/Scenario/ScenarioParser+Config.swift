import SoswCore
import Yams

/// The names a scenario declares, which the later sections may refer to.
struct DeclaredNames {
    /// The scenario's `config` as the essentials read it; nil when the scenario has none.
    var configuration: SoswConfiguration?
    /// `lambda.functions`, sorted.
    var functions: [String] = []

    /// `config.task_config.labourers`, with the function each one's `arn` names, sorted by id.
    var labourers: [(id: String, function: String)] { configuration?.labourerFunctions ?? [] }
    /// The TaskManager's tables and indexes, to place an `index_lag` fault on the right table.
    var taskManager: TaskManagerConfig? { configuration?.taskManager }
    var scheduler: SchedulerConfig? { configuration?.scheduler }

    var labourerIDs: [String] { labourers.map(\.id) }
}

extension ScenarioParser {
    /// Checks `config` the way the essentials will read it (TaskManager, Orchestrator, Scavenger, Scheduler),
    /// so a bad setting fails at load with its line rather than in the middle of a run, and collects the
    /// labourers.
    func catalogue(config: JSONValue, node: Node?) throws(ScenarioError) -> DeclaredNames {
        var names = DeclaredNames()
        guard let node else { return names }
        try checkLabourerKeys(node)
        do {
            names.configuration = try SoswConfiguration(custom: config)
        } catch let error as ConfigError {
            let found = error.value.map { "got \($0.serialized())" } ?? "the key is missing"
            let path = error.path.isEmpty ? "config" : "config.\(error.path)"
            throw reader.error(locate(error.path, in: node), path, "expected \(error.expectation), \(found)")
        } catch {
            throw reader.error(node, "config", "\(error)")
        }
        return names
    }

    /// Labourer entries accept a fixed set of keys (``SoswCore/Labourer/configKeys``): checked here first so a
    /// misspelt key gets its line and a suggestion.
    private func checkLabourerKeys(_ config: Node) throws(ScenarioError) {
        guard let taskConfig = child(of: config, key: "task_config"), let labourers = child(of: taskConfig, key: "labourers")
        else { return }
        for labourer in try reader.entries(labourers, path: "config.task_config.labourers") {
            _ = try reader.mapping(labourer.value, path: labourer.path, allowed: Labourer.configKeys)
        }
    }

    /// Every labourer's `arn` must name a function of `lambda.functions`: the Orchestrator invokes it there.
    func checkLabourerFunctions(_ names: DeclaredNames, lambda: LambdaSettings, configNode: Node?) throws(ScenarioError) {
        let declared = lambda.functions.map(\.name)
        for labourer in names.labourers where !declared.contains(labourer.function) {
            let path = "task_config.labourers.\(labourer.id).arn"
            let node = configNode.map { locate(path, in: $0) }
            let problem = "the labourer's function '\(labourer.function)' is not in lambda.functions;"
                + NearMiss.hint(for: labourer.function, among: declared)
                + (declared.isEmpty ? " no functions are declared" : " declared: \(declared.joined(separator: ", "))")
            throw ScenarioError(file: reader.file, line: node?.mark?.line, keyPath: "config.\(path)", problem: problem)
        }
    }

    /// The value under `key` when `node` is a mapping (keys compared as JSON text, as ``NodeReader`` reads them).
    func child(of node: Node, key: String) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { (try? reader.keyText($0.key, path: "")) == key }?.value
    }

    /// The deepest node along a dotted key path (`a.b.c`, `a[0].b`), for the line of an error found on the
    /// JSON form of a subtree. Keys containing dots are matched by trying the longest joined run first.
    func locate(_ path: String, in root: Node) -> Node {
        var components = path.split(separator: ".").map(String.init)
        var node = root
        while !components.isEmpty {
            var (key, index) = (components[0], Int?.none)
            if let open = key.firstIndex(of: "["), key.hasSuffix("]") {
                index = Int(key[key.index(after: open)..<key.index(before: key.endIndex)])
                key = String(key[..<open])
            }
            var matched = false
            for length in stride(from: components.count, through: 1, by: -1) {
                let joined = length == 1 ? key : components[0..<length].joined(separator: ".")
                if let child = child(of: node, key: joined) {
                    node = child
                    components.removeFirst(length)
                    matched = true
                    break
                }
            }
            guard matched else { return node }
            if let index, case .sequence(let sequence) = node, index < sequence.count {
                node = sequence[index]
            }
        }
        return node
    }
}
