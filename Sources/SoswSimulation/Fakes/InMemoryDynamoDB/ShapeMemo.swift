import SoswCore

/// What the last few request shapes decided (tables looked up, expressions compiled and validated, key
/// conditions bound), so that a request of a shape seen before goes straight to the data. sosw sends a handful
/// of shapes millions of times; a short list compared in turn finds them without hashing any expression text.
/// Only successes are remembered, so every refusal still comes from the checks themselves with their messages.
/// Anything that can change what a shape decides (a table created or deleted) must call ``removeAll()``.
struct ShapeMemo<Decision> {
    /// Enough for every shape sosw's core sends to one operation; older shapes make way in turn.
    static var capacity: Int { 16 }

    private var entries: [(shape: RequestShape, decision: Decision)] = []
    private var nextReplaced = 0

    func decision(
        table: String, index: String? = nil, expressions: RequestShape.Texts, names: [String: String]?,
        values: DynamoItem?
    ) -> Decision? {
        for position in entries.indices
        where entries[position].shape.matches(
            table: table, index: index, expressions: expressions, names: names, values: values)
        {
            return entries[position].decision
        }
        return nil
    }

    mutating func remember(_ decision: Decision, for shape: RequestShape) {
        if entries.count < Self.capacity {
            entries.append((shape, decision))
        } else {
            entries[nextReplaced] = (shape, decision)
            nextReplaced = (nextReplaced + 1) % Self.capacity
        }
    }

    mutating func removeAll() {
        entries.removeAll()
        nextReplaced = 0
    }
}
