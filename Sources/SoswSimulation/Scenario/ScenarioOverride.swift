import Yams

/// One value of a scenario file replaced before the file is parsed (`sosw sweep --set PATH=VALUE`), so a
/// planner can ask "what if the cap were 200?" without copying the file.
///
/// The replacement happens on the YAML node tree, so the overridden scenario goes through exactly the checks a
/// hand-edited file would: a value the loader refuses is the loader's own error. Only keys that exist can be
/// replaced; a path that misses is an error naming the nearest existing keys, because a silently added key
/// would be a sweep that changes nothing.
public struct ScenarioOverride: Sendable, Hashable {
    /// Dotted key path from the document root; list elements by their 0-based index (`load.0.tasks.count`).
    public var path: String
    /// The new value as YAML text: `100` is an integer, `2m` a string, `{fixed: 2m}` a mapping.
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// The path's components.
    var components: [String] {
        path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// `root` with the node at ``path`` replaced by ``value``. The new node keeps the replaced node's line, so
    /// the loader's messages about it point at the line the planner meant to change.
    func applied(to root: Node, file: String) throws(ScenarioError) -> Node {
        let replacement = try parsedValue(file: file)
        return try replacing(in: root, at: components[...], walked: [], replacement: replacement, file: file)
    }

    private func parsedValue(file: String) throws(ScenarioError) -> Node {
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: value)
        } catch {
            throw ScenarioError(file: file, line: nil, keyPath: path, problem: "--set value '\(value)' is not valid YAML")
        }
        // An empty value is YAML's null, as `key:` with nothing after it is in a file.
        return composed ?? Node("", Tag(.null))
    }

    private func replacing(
        in node: Node, at remaining: ArraySlice<String>, walked: [String], replacement: Node, file: String
    ) throws(ScenarioError) -> Node {
        guard let key = remaining.first else { return keepingMark(of: node, replacement) }
        let here = walked.joined(separator: ".")
        let line = node.mark?.line
        switch node {
        case .mapping(var mapping):
            let keys: [String] = mapping.keys.map { $0.scalar?.string ?? "" }
            guard let index = keys.firstIndex(of: key) else {
                throw ScenarioError(file: file, line: line, keyPath: path, problem: Self.missingKey(key, under: here, keys: keys))
            }
            let entry = mapping[mapping.index(mapping.startIndex, offsetBy: index)]
            let value = try replacing(in: entry.value, at: remaining.dropFirst(), walked: walked + [key], replacement: replacement, file: file)
            mapping[mapping.index(mapping.startIndex, offsetBy: index)] = (entry.key, value)
            return .mapping(mapping)
        case .sequence(var sequence):
            guard let index = Int(key), sequence.indices.contains(index) else {
                let range = sequence.isEmpty ? "it is empty" : "expected an index from 0 to \(sequence.count - 1)"
                throw ScenarioError(
                    file: file, line: line, keyPath: path,
                    problem: "no element '\(key)' in the list at \(Self.describe(here)); \(range)")
            }
            sequence[index] = try replacing(in: sequence[index], at: remaining.dropFirst(), walked: walked + [key], replacement: replacement, file: file)
            return .sequence(sequence)
        case .scalar(let scalar):
            throw ScenarioError(
                file: file, line: line, keyPath: path,
                problem: "\(Self.describe(here)) is the value '\(scalar.string)', which has no key '\(key)'")
        case .alias:
            throw ScenarioError(file: file, line: line, keyPath: path, problem: "\(Self.describe(here)) is an unresolved YAML alias")
        }
    }

    private func keepingMark(of original: Node, _ replacement: Node) -> Node {
        switch replacement {
        case .scalar(var scalar):
            scalar.mark = original.mark
            return .scalar(scalar)
        case .mapping(var mapping):
            mapping.mark = original.mark
            return .mapping(mapping)
        case .sequence(var sequence):
            sequence.mark = original.mark
            return .sequence(sequence)
        case .alias:
            return replacement
        }
    }

    /// "no key 'x' under config.task_config; did you mean 'y'? the keys there are: …"
    private static func missingKey(_ key: String, under here: String, keys: [String]) -> String {
        let suggestion = NearMiss.suggestion(for: key, among: keys).map { " did you mean '\($0)'?" } ?? ""
        let listing = keys.isEmpty ? " it has no keys" : " the keys there are: \(keys.joined(separator: ", "))"
        return "no key '\(key)' \(here.isEmpty ? "at the top level" : "under \(here)") of the scenario;\(suggestion)\(listing)"
    }

    private static func describe(_ path: String) -> String {
        path.isEmpty ? "the document" : path
    }
}

extension ScenarioLoader {
    /// Loads scenario-engine text named `file` with `overrides` applied in order to its node tree first; errors
    /// are the loader's (or the override's, for a path that misses), naming the file and the key path.
    public func scenario(yaml text: String, file: String, overrides: [ScenarioOverride]) throws(ScenarioError) -> Scenario {
        var root = try YAMLDocument.compose(text, file: file)
        for override in overrides {
            root = try override.applied(to: root, file: file)
        }
        return try engineScenario(root, file: file)
    }
}
