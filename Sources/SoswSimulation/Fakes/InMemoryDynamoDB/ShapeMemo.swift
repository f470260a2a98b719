import SoswCore

/// What the last few request shapes decided (tables looked up, expressions compiled and validated, key
/// conditions bound), so that a request of a shape seen before goes straight to the data. sosw sends a handful
/// of shapes millions of times; a short list compared in turn finds them without hashing any expression text.
/// Only successes are remembered, so every refusal still comes from the checks themselves with their messages.
/// Anything that can change what a shape decides (a table created or deleted) must call ``removeAll()``.
struct ShapeMemo<Decision> {
    /// Enough for every shape sosw's core sends to one operation; older shapes make way in turn.
    static var capacity: Int { 16 }

    // Kept apart so a lookup compares shapes in place (an array of pairs copied each one out to compare it).
    private var shapes: [RequestShape] = []
    private var decisions: [Decision] = []
    private var nextReplaced = 0

    func decision(
        table: String, index: String? = nil, expressions: RequestShape.Texts, names: [String: String]?,
        values: DynamoItem?
    ) -> Decision? {
        // Subscripting the buffer borrows each shape; `firstIndex` would copy each one out to its closure.
        let found = shapes.withUnsafeBufferPointer { shapes -> Int? in
            for position in shapes.indices
            where shapes[position].matches(
                table: table, index: index, expressions: expressions, names: names, values: values)
            {
                return position
            }
            return nil
        }
        return found.map { decisions[$0] }
    }

    mutating func remember(_ decision: Decision, for shape: RequestShape) {
        if shapes.count < Self.capacity {
            shapes.append(shape)
            decisions.append(decision)
        } else {
            shapes[nextReplaced] = shape
            decisions[nextReplaced] = decision
            nextReplaced = (nextReplaced + 1) % Self.capacity
        }
    }

    mutating func removeAll() {
        shapes.removeAll()
        decisions.removeAll()
        nextReplaced = 0
    }
}
