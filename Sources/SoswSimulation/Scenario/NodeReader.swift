import Yams

/// Reads typed values out of a YAML node tree, turning every mismatch into a ``KernelScenario/LoadError``
/// that names the file, the line and the key path.
struct NodeReader {
    let file: String

    func error(_ node: Node, _ path: String, _ problem: String) -> KernelScenario.LoadError {
        KernelScenario.LoadError(file: file, line: node.mark.map { $0.line }, keyPath: path, problem: problem)
    }

    /// The entries of a mapping, by key; a key outside `allowed` is an error listing the allowed ones.
    func mapping(_ node: Node, path: String, allowed: [String]) throws(KernelScenario.LoadError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, path, "expected a mapping, got \(kind(of: node))")
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw error(key, path, "keys must be strings") }
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            guard allowed.contains(name) else {
                throw error(key, keyPath, "unknown key; expected one of: \(allowed.joined(separator: ", "))")
            }
            guard result[name] == nil else { throw error(key, keyPath, "the key appears twice") }
            result[name] = value
        }
        return result
    }

    func string(_ node: Node?, path: String, in parent: Node) throws(KernelScenario.LoadError) -> String {
        guard let node else { throw error(parent, path, "missing; expected a string") }
        guard case .scalar(let scalar) = node else {
            throw error(node, path, "expected a string, got \(kind(of: node))")
        }
        return scalar.string
    }

    func unsigned(_ node: Node, path: String) throws(KernelScenario.LoadError) -> UInt64 {
        guard case .scalar(let scalar) = node, let value = UInt64(scalar.string) else {
            throw error(node, path, "expected a non-negative integer, got '\(describe(node))'")
        }
        return value
    }

    func positive(_ node: Node, path: String) throws(KernelScenario.LoadError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), value > 0 else {
            throw error(node, path, "expected a positive integer, got '\(describe(node))'")
        }
        return value
    }

    /// A duration written as a number and a unit: `250ms`, `90s`, `15m`, `2h`, `1d`.
    func duration(_ node: Node?, path: String, in parent: Node) throws(KernelScenario.LoadError) -> Duration {
        let text = try string(node, path: path, in: parent)
        guard let duration = DurationText.parse(text) else {
            throw error(node ?? parent, path, "'\(text)' is not a duration; expected a number and a unit (ms, s, m, h, d), e.g. 90s")
        }
        return duration
    }

    private func kind(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let scalar): "the scalar '\(scalar.string)'"
        case .alias: "an alias"
        }
    }

    private func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return kind(of: node)
    }
}
