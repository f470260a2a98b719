/// One difference between a stored configuration document and the one about to replace it: what `sosw config
/// diff` prints and `sosw labourer add --dry-run` shows, so an operator sees exactly which settings an upload
/// touches before it touches them.
public struct ConfigChange: Hashable, Sendable, CustomStringConvertible {
    /// Dotted key path inside the document (`task_config.labourers.worker.max_simultaneous_invocations`); empty
    /// for the whole document.
    public var path: String
    /// The stored value; nil when the key is new.
    public var before: JSONValue?
    /// The value after the upload; nil when the key goes away.
    public var after: JSONValue?

    public init(path: String, before: JSONValue?, after: JSONValue?) {
        self.path = path
        self.before = before
        self.after = after
    }

    /// `+ path: value`, `- path: value` or `~ path: old -> new`.
    public var description: String {
        let place = path.isEmpty ? "(the document)" : path
        switch (before, after) {
        case (nil, let after?): return "+ \(place): \(after.serialized())"
        case (let before?, nil): return "- \(place): \(before.serialized())"
        case (let before?, let after?): return "~ \(place): \(before.serialized()) -> \(after.serialized())"
        case (nil, nil): return "  \(place)"
        }
    }

    /// Every difference from `before` to `after`, by key path in sorted key order; objects are compared key by
    /// key, any other value (arrays included) whole. Empty when the two are equal.
    public static func between(_ before: JSONValue?, _ after: JSONValue?, at path: String = "") -> [ConfigChange] {
        if before == after { return [] }
        guard case .object(let old)? = before, case .object(let new)? = after else {
            return [ConfigChange(path: path, before: before, after: after)]
        }
        return Set(old.keys).union(new.keys).sorted().flatMap { key in
            between(old[key], new[key], at: path.isEmpty ? key : "\(path).\(key)")
        }
    }
}
