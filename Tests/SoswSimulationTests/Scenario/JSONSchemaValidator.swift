import SoswCore

/// The subset of JSON Schema (draft 2020-12) that `scenarios/scenario.schema.json` uses, enough to validate
/// scenario files in the tests without a dependency: type, properties, required, additionalProperties, enum,
/// const, minimum/maximum, minLength, pattern, items, prefixItems, minItems/maxItems, minProperties, oneOf,
/// anyOf and `$ref` to `#/$defs/…`. A schema using any other keyword is refused (``unsupportedKeywords``), so
/// nothing in the schema is silently ignored.
struct JSONSchemaValidator {
    let root: JSONValue
    /// Every `pattern` of the schema, compiled once (compiling a Regex costs more than matching it).
    private let patterns: [String: Regex<AnyRegexOutput>]

    init(root: JSONValue) {
        self.root = root
        var patterns: [String: Regex<AnyRegexOutput>] = [:]
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                if let pattern = members["pattern"]?.stringValue { patterns[pattern] = try? Regex(pattern) }
                members.values.forEach(collect)
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(root)
        self.patterns = patterns
    }

    static let supportedKeywords: Set<String> = [
        "$schema", "$id", "title", "description", "$defs", "$ref", "type", "properties", "required",
        "additionalProperties", "enum", "const", "minimum", "maximum", "minLength", "pattern", "items", "prefixItems",
        "minItems", "maxItems", "minProperties", "oneOf", "anyOf",
    ]

    /// Problems with the document, each `/json/pointer: what`; empty when it validates.
    func errors(of instance: JSONValue) -> [String] {
        errors(of: instance, against: root, at: "")
    }

    /// Keywords outside the supported subset and `$ref`s that do not resolve, anywhere in the schema.
    func unsupportedKeywords() -> [String] {
        var problems: [String] = []
        func visit(_ schema: JSONValue, _ path: String) {
            guard let object = schema.objectValue else { return }
            for key in object.keys.sorted() {
                guard let value = object[key] else { continue }
                if !Self.supportedKeywords.contains(key) { problems.append("\(path)/\(key): unsupported keyword") }
                switch key {
                case "$defs", "properties":
                    for name in (value.objectValue ?? [:]).keys.sorted() { visit(value[name]!, "\(path)/\(key)/\(name)") }
                case "oneOf", "anyOf", "prefixItems":
                    for (index, element) in (value.arrayValue ?? []).enumerated() { visit(element, "\(path)/\(key)/\(index)") }
                case "items", "additionalProperties":
                    visit(value, "\(path)/\(key)")
                case "$ref":
                    if resolve(value.stringValue ?? "") == nil { problems.append("\(path)/$ref: \(value.serialized()) does not resolve") }
                default:
                    break
                }
            }
        }
        visit(root, "")
        return problems
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/$defs/") else { return nil }
        return root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
    }

    private func errors(of instance: JSONValue, against schema: JSONValue, at path: String) -> [String] {
        if schema == .bool(true) { return [] }
        if schema == .bool(false) { return ["\(path): no value is allowed here"] }
        var problems: [String] = []
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(path): unresolvable $ref \(reference)"] }
            problems += errors(of: instance, against: target, at: path)
        }
        if let type = schema["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !allowed.contains(where: { Self.matches(instance, type: $0) }) {
                return problems + ["\(path): expected \(allowed.joined(separator: " or ")), got \(instance.serialized())"]
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(where: { Self.equal($0, instance) }) {
            problems.append("\(path): \(instance.serialized()) is not one of \(JSONValue.array(options).serialized())")
        }
        if let constant = schema["const"], !Self.equal(constant, instance) {
            problems.append("\(path): expected \(constant.serialized()), got \(instance.serialized())")
        }
        if let number = instance.doubleValue, instance.boolValue == nil {
            if let minimum = schema["minimum"]?.doubleValue, number < minimum { problems.append("\(path): \(number) is below \(minimum)") }
            if let maximum = schema["maximum"]?.doubleValue, number > maximum { problems.append("\(path): \(number) is above \(maximum)") }
        }
        if let text = instance.stringValue {
            if let minimum = schema["minLength"]?.intValue, text.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let pattern = schema["pattern"]?.stringValue {
                if let regex = patterns[pattern] {
                    if (try? regex.firstMatch(in: text)) == nil { problems.append("\(path): '\(text)' does not match \(pattern)") }
                } else {
                    problems.append("\(path): the schema's pattern \(pattern) is not a valid regular expression")
                }
            }
        }
        if let array = instance.arrayValue {
            problems += arrayErrors(array, schema: schema, at: path)
        }
        if let object = instance.objectValue {
            problems += objectErrors(object, schema: schema, at: path)
        }
        if let options = schema["oneOf"]?.arrayValue {
            let passing = options.filter { errors(of: instance, against: $0, at: path).isEmpty }.count
            if passing != 1 { problems.append("\(path): matches \(passing) of the oneOf alternatives; expected exactly 1") }
        }
        if let options = schema["anyOf"]?.arrayValue, !options.contains(where: { errors(of: instance, against: $0, at: path).isEmpty }) {
            problems.append("\(path): matches none of the anyOf alternatives")
        }
        return problems
    }

    private func arrayErrors(_ array: [JSONValue], schema: JSONValue, at path: String) -> [String] {
        var problems: [String] = []
        if let minimum = schema["minItems"]?.intValue, array.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
        if let maximum = schema["maxItems"]?.intValue, array.count > maximum { problems.append("\(path): more than \(maximum) items") }
        let prefix = schema["prefixItems"]?.arrayValue ?? []
        for (index, element) in array.enumerated() {
            if index < prefix.count {
                problems += errors(of: element, against: prefix[index], at: "\(path)/\(index)")
            } else if let items = schema["items"] {
                problems += errors(of: element, against: items, at: "\(path)/\(index)")
            }
        }
        return problems
    }

    private func objectErrors(_ object: [String: JSONValue], schema: JSONValue, at path: String) -> [String] {
        var problems: [String] = []
        if let minimum = schema["minProperties"]?.intValue, object.count < minimum {
            problems.append("\(path): fewer than \(minimum) properties")
        }
        for key in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where object[key] == nil {
            problems.append("\(path): missing required property '\(key)'")
        }
        let properties = schema["properties"]?.objectValue ?? [:]
        for key in object.keys.sorted() {
            let value = object[key]!
            if let property = properties[key] {
                problems += errors(of: value, against: property, at: "\(path)/\(key)")
            } else if let additional = schema["additionalProperties"] {
                if additional == .bool(false) {
                    problems.append("\(path)/\(key): unknown property (additionalProperties is false)")
                } else {
                    problems += errors(of: value, against: additional, at: "\(path)/\(key)")
                }
            }
        }
        return problems
    }

    /// JSON Schema's types; an integer is any number with no fractional part.
    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .int), ("number", .double), ("integer", .int): true
        case ("integer", .double(let number)): number.rounded() == number
        default: false
        }
    }

    /// Equality as JSON Schema defines it: numbers by value (1 equals 1.0).
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue, lhs.boolValue == nil, rhs.boolValue == nil { return left == right }
        return lhs == rhs
    }
}
