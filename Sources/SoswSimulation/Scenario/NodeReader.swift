import SoswCore
import Yams

/// Reads typed values out of a YAML node tree, turning every mismatch into a ``ScenarioError`` that names the
/// file, the line and the key path.
///
/// Scalars are typed the way ``YAMLDocument`` converts them to JSON (an unquoted `5` is an integer, `"5"` a
/// string), so what the loader accepts is what the JSON Schema of scenario files accepts. The kernel-scenario
/// reads (``string(_:path:in:)``, ``unsigned(_:path:)``, ``positive(_:path:)``) keep their older, text-based
/// behaviour and messages.
struct NodeReader {
    let file: String
    /// Whether "unknown key" errors suggest the nearest allowed key. Off for ``KernelScenario``, whose messages
    /// are fixed by its tests and by scripts that match them.
    var suggestsNearMisses = true

    func error(_ node: Node, _ path: String, _ problem: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark.map { $0.line }, keyPath: path, problem: problem)
    }

    /// The entries of a mapping, by key; a key outside `allowed` is an error listing the allowed ones.
    func mapping(_ node: Node, path: String, allowed: [String]) throws(ScenarioError) -> [String: Node] {
        var result: [String: Node] = [:]
        for entry in try entries(node, path: path) {
            guard allowed.contains(entry.key) else {
                let hint = suggestsNearMisses ? NearMiss.hint(for: entry.key, among: allowed) : ""
                throw error(entry.keyNode, entry.path, "unknown key;\(hint) expected one of: \(allowed.joined(separator: ", "))")
            }
            result[entry.key] = entry.value
        }
        return result
    }

    /// One entry of a mapping, in document order, with its key path and the key's node (for its line).
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
        var path: String
    }

    /// The entries of a mapping whose keys are names chosen by the user (functions, dimensions), in document
    /// order; keys are converted to strings as JSON does, and a key appearing twice is an error.
    func entries(_ node: Node, path: String) throws(ScenarioError) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            throw error(node, path, "expected a mapping, got \(kind(of: node))")
        }
        var seen: Set<String> = []
        var result: [Entry] = []
        for (keyNode, value) in mapping {
            let name = try keyText(keyNode, path: path)
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            guard seen.insert(name).inserted else { throw error(keyNode, keyPath, "the key appears twice") }
            result.append(Entry(key: name, keyNode: keyNode, value: value, path: keyPath))
        }
        return result
    }

    /// A mapping key as JSON text: strings as written, numbers and booleans in their canonical form (`3` for
    /// `3`, `true` for `yes`), as Python's `json.dumps(yaml.safe_load(...))` writes them.
    func keyText(_ key: Node, path: String) throws(ScenarioError) -> String {
        guard case .scalar = key else { throw error(key, path, "keys must be scalars, got \(kind(of: key))") }
        switch try value(key, path: path) {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array, .object: throw error(key, path, "keys must be scalars, got \(kind(of: key))")
        }
    }

    /// The sequence's elements with their key paths (`path[0]`, `path[1]`, …).
    func elements(_ node: Node, path: String) throws(ScenarioError) -> [(node: Node, path: String)] {
        guard case .sequence(let sequence) = node else {
            throw error(node, path, "expected a list, got \(kind(of: node))")
        }
        return sequence.enumerated().map { ($1, "\(path)[\($0)]") }
    }

    /// The node or, when it is missing, an error at the parent naming the missing key and what it should hold.
    func required(_ node: Node?, path: String, in parent: Node, expected: String) throws(ScenarioError) -> Node {
        guard let node else { throw error(parent, path, "missing; expected \(expected)") }
        return node
    }

    // MARK: Kernel-scenario reads (text-based; messages fixed)

    func string(_ node: Node?, path: String, in parent: Node) throws(ScenarioError) -> String {
        guard let node else { throw error(parent, path, "missing; expected a string") }
        guard case .scalar(let scalar) = node else {
            throw error(node, path, "expected a string, got \(kind(of: node))")
        }
        return scalar.string
    }

    func unsigned(_ node: Node, path: String) throws(ScenarioError) -> UInt64 {
        guard case .scalar(let scalar) = node, let value = UInt64(scalar.string) else {
            throw error(node, path, "expected a non-negative integer, got '\(describe(node))'")
        }
        return value
    }

    /// A positive integer no larger than `limit`'s upper bound.
    func positive(_ node: Node, path: String, within limit: ClosedRange<Int>) throws(ScenarioError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), value > 0 else {
            throw error(node, path, "expected a positive integer, got '\(describe(node))'")
        }
        guard limit.contains(value) else {
            throw error(node, path, "expected an integer from \(limit.lowerBound) to \(limit.upperBound), got \(value)")
        }
        return value
    }

    /// A duration written as a number and a unit: `250ms`, `90s`, `15m`, `2h`, `1d`.
    func duration(_ node: Node?, path: String, in parent: Node) throws(ScenarioError) -> Duration {
        let text = try string(node, path: path, in: parent)
        guard DurationText.nanoseconds(text) != nil else {
            throw error(node ?? parent, path, "'\(text)' is not a duration; expected a number and a unit (ms, s, m, h, d), e.g. 90s")
        }
        guard let duration = DurationText.parse(text), duration <= ScenarioLimits.longestDuration else {
            throw error(node ?? parent, path, "'\(text)' is too long; expected a duration up to \(ScenarioLimits.longestDurationText)")
        }
        return duration
    }

    // MARK: Typed reads

    /// The scalar as JSON: YAML's resolved tag decides (int, float, bool, null; everything else is a string,
    /// timestamps included). Mappings and sequences are converted recursively by ``json(_:path:)``.
    func value(_ node: Node, path: String) throws(ScenarioError) -> JSONValue {
        guard case .scalar(let scalar) = node else { return try json(node, path: path) }
        switch Tag.Name(rawValue: node.tag.rawValue) {
        case .int:
            guard let number = Int64.construct(from: scalar) else {
                throw error(node, path, "the integer \(scalar.string) is out of range; expected at most \(Int64.max) in magnitude")
            }
            return .int(number)
        case .float:
            guard let number = Double.construct(from: scalar), number.isFinite else {
                throw error(node, path, "\(scalar.string) is not a finite number; JSON has no infinities or NaN")
            }
            return .double(number)
        case .bool:
            return Bool.construct(from: scalar).map(JSONValue.bool) ?? .string(scalar.string)
        case .null:
            return .null
        default:
            return .string(scalar.string)
        }
    }

    /// The node as a JSON value, faithfully: integers stay integers, floats doubles, mapping keys become strings.
    func json(_ node: Node, path: String) throws(ScenarioError) -> JSONValue {
        switch node {
        case .scalar:
            return try value(node, path: path)
        case .sequence:
            var array: [JSONValue] = []
            for element in try elements(node, path: path) {
                array.append(try json(element.node, path: element.path))
            }
            return .array(array)
        case .mapping:
            var object: [String: JSONValue] = [:]
            for entry in try entries(node, path: path) {
                object[entry.key] = try json(entry.value, path: entry.path)
            }
            return .object(object)
        case .alias:
            // Yams expands aliases while composing; an alias node only exists in trees built for emitting.
            throw error(node, path, "an unresolved YAML alias; expected a value")
        }
    }

    /// A JSON object (payloads, jobs): any keys, any values.
    func object(_ node: Node, path: String) throws(ScenarioError) -> JSONValue {
        guard case .mapping = node else { throw error(node, path, "expected a mapping, got \(kind(of: node))") }
        return try json(node, path: path)
    }

    /// A string scalar; quoted or unquoted text, not a number, boolean or null.
    func text(_ node: Node, path: String) throws(ScenarioError) -> String {
        guard case .string(let text) = try value(node, path: path) else {
            throw error(node, path, "expected a string, got \(kind(of: node))")
        }
        return text
    }

    /// A non-empty string naming something (a labourer, a table, a function).
    func name(_ node: Node, path: String) throws(ScenarioError) -> String {
        let text = try text(node, path: path)
        guard !text.isEmpty else { throw error(node, path, "expected a non-empty name, got an empty string") }
        return text
    }

    /// A name that becomes a folder name (a scenario's `name`): ``ScenarioLimits/isPlainFileName(_:)``.
    func fileName(_ text: String, node: Node, path: String) throws(ScenarioError) -> String {
        guard ScenarioLimits.isPlainFileName(text) else {
            throw error(node, path, "'\(text)' cannot name a scenario; expected \(ScenarioLimits.plainFileNameText), e.g. nightly-backlog")
        }
        return text
    }

    /// An integer within `range`.
    func integer(_ node: Node, path: String, in range: ClosedRange<Int64>) throws(ScenarioError) -> Int64 {
        let expected: String =
            if range.upperBound == .max { range.lowerBound == 0 ? "a non-negative integer" : "an integer >= \(range.lowerBound)" }
            else { "an integer from \(range.lowerBound) to \(range.upperBound)" }
        guard case .int(let number) = try value(node, path: path) else {
            throw error(node, path, "expected \(expected), got \(kind(of: node))")
        }
        guard range.contains(number) else { throw error(node, path, "expected \(expected), got \(number)") }
        return number
    }

    /// A number (integer or float) at least `minimum` (and at most `maximum` when given).
    func number(_ node: Node, path: String, atLeast minimum: Double? = nil, atMost maximum: Double? = nil) throws(ScenarioError) -> Double {
        let expected: String =
            switch (minimum, maximum) {
            case (let low?, let high?): "a number from \(format(low)) to \(format(high))"
            case (let low?, nil): low == 0 ? "a non-negative number" : "a number >= \(format(low))"
            case (nil, let high?): "a number <= \(format(high))"
            case (nil, nil): "a number"
            }
        guard let number = try value(node, path: path).doubleValue else {
            throw error(node, path, "expected \(expected), got \(kind(of: node))")
        }
        if let minimum, number < minimum { throw error(node, path, "expected \(expected), got \(format(number))") }
        if let maximum, number > maximum { throw error(node, path, "expected \(expected), got \(format(number))") }
        return number
    }

    /// A probability: a number from 0 to 1.
    func probability(_ node: Node, path: String) throws(ScenarioError) -> Double {
        try number(node, path: path, atLeast: 0, atMost: 1)
    }

    func bool(_ node: Node, path: String) throws(ScenarioError) -> Bool {
        guard case .bool(let flag) = try value(node, path: path) else {
            throw error(node, path, "expected true or false, got \(kind(of: node))")
        }
        return flag
    }

    /// A duration string (`250ms`, `90s`, `15m`, `2h`, `1d`), never negative and at most
    /// ``ScenarioLimits/longestDuration`` (so any sum of a few stays far inside the clock); `positive` also
    /// rejects zero. Which spans must be positive and which are periods is for ``Scenario/validate(file:)``.
    func duration(_ node: Node, path: String, positive: Bool = false) throws(ScenarioError) -> Duration {
        let expected = "a duration: a number and a unit (ms, s, m, h, d), e.g. 90s"
        guard case .string(let text) = try value(node, path: path) else {
            if case .int(let number) = try value(node, path: path), number < 0 {
                throw error(node, path, "\(number) is negative; expected \(expected)")
            }
            throw error(node, path, "expected \(expected), got \(kind(of: node))")
        }
        if text.hasPrefix("-"), DurationText.nanoseconds(String(text.dropFirst())) != nil {
            throw error(node, path, "'\(text)' is negative; expected \(expected)")
        }
        guard DurationText.nanoseconds(text) != nil else {
            throw error(node, path, "'\(text)' is not a duration; expected \(expected)")
        }
        guard let duration = DurationText.parse(text), duration <= ScenarioLimits.longestDuration else {
            throw error(node, path, "'\(text)' is too long; expected a duration up to \(ScenarioLimits.longestDurationText)")
        }
        if positive, duration == .zero { throw error(node, path, "expected a duration above zero, got '\(text)'") }
        return duration
    }

    /// One of `allowed`, with a suggestion for a near miss.
    func choice(_ node: Node, path: String, among allowed: [String]) throws(ScenarioError) -> String {
        let text = try text(node, path: path)
        guard allowed.contains(text) else {
            throw error(node, path, "unknown value '\(text)';\(NearMiss.hint(for: text, among: allowed)) expected one of: \(allowed.joined(separator: ", "))")
        }
        return text
    }

    /// A mapping with exactly one key, naming which form of a value is meant (`{fixed: 2m}`, `{ramp: [0, 9]}`).
    func variant(_ node: Node, path: String, among forms: [String]) throws(ScenarioError) -> Entry {
        let entries = try entries(node, path: path)
        guard entries.count == 1, let entry = entries.first else {
            throw error(node, path, "expected exactly one of: \(forms.joined(separator: ", ")); got \(entries.count) keys")
        }
        guard forms.contains(entry.key) else {
            let hint = suggestsNearMisses ? NearMiss.hint(for: entry.key, among: forms) : ""
            throw error(entry.keyNode, entry.path, "unknown key;\(hint) expected one of: \(forms.joined(separator: ", "))")
        }
        return entry
    }

    /// How a node is described in messages: `the integer 5`, `the string 'abc'`, `a mapping`.
    func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .alias: return "an alias"
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .int: return "the integer \(scalar.string)"
            case .float: return "the number \(scalar.string)"
            case .bool: return "the boolean \(scalar.string)"
            case .null: return scalar.string.isEmpty ? "nothing (null)" : "null"
            default: return "the scalar '\(scalar.string)'"
            }
        }
    }

    private func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return kind(of: node)
    }

    private func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
