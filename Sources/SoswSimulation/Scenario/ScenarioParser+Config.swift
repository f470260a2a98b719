import SoswCore
import Yams

/// What the `config` section declares that the reading of later sections depends on.
struct DeclaredNames {
    /// The scenario's `config` as the essentials read it; nil when the scenario has none or the essentials
    /// cannot read it (``Scenario/validate(file:)`` then says why).
    var configuration: SoswConfiguration?

    /// The TaskManager's tables and indexes, to place an `index_lag` fault on the right table.
    var taskManager: TaskManagerConfig? { configuration?.taskManager }
}

extension ScenarioParser {
    /// Checks the labourers' keys and collects what later sections need; whether the essentials can use the
    /// values is for ``Scenario/validate(file:)``.
    func catalogue(config: JSONValue, node: Node?) throws(ScenarioError) -> DeclaredNames {
        guard let node else { return DeclaredNames() }
        try checkLabourerKeys(node)
        return DeclaredNames(configuration: try? SoswConfiguration(custom: config))
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
