extension JSONValue {
    /// Python truthiness: sosw tests flags and optional values with `if value`, so `"True"`, `1` and a non-empty
    /// list count as set, and `0`, `""`, `[]`, `{}` and `null` as not set. Compatibility needs the same reading.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .int(let number): number != 0
        case .double(let number): number != 0
        case .string(let text): !text.isEmpty
        case .array(let elements): !elements.isEmpty
        case .object(let members): !members.isEmpty
        }
    }
}
