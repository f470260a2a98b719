extension JSONValue {
    /// sosw's `recursive_update`: `overlay` deep-merged over `self`.
    ///
    /// Objects merge key by key (a base `null` counts as an empty object); when both sides are lists the result
    /// is their union without duplicates (sosw returns it in set order; here base order first, then the
    /// overlay's new elements, so the result is the same on every run); any other overlay value replaces.
    public func deepMerged(with overlay: JSONValue) -> JSONValue {
        switch (self, overlay) {
        case (.object(var base), .object(let top)):
            for (key, value) in top {
                base[key] = (base[key] ?? .null).deepMerged(with: value)
            }
            return .object(base)
        case (.null, .object):
            return JSONValue.object([:]).deepMerged(with: overlay)
        case (.array(let base), .array(let top)):
            var union = base
            for element in top where !union.contains(element) {
                union.append(element)
            }
            return .array(union)
        default:
            return overlay
        }
    }
}
