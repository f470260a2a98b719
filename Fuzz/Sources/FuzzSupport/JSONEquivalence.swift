import SoswCore

extension JSONValue {
    /// Whether two documents hold the same data, an integer and a double of the same value counting as equal:
    /// the parser reads some integral literals with a fraction or an exponent (`7.7e+17`) as integers, as
    /// Foundation's decoder does, so a double can come back from its own text as an integer.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.int(let integer), .double(let double)), (.double(let double), .int(let integer)):
            return Double(exactly: integer) == double || Int64(exactly: double) == integer
        case (.array(let lhs), .array(let rhs)):
            return lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.isEquivalent(to: $1) }
        case (.object(let lhs), .object(let rhs)):
            return lhs.count == rhs.count
                && lhs.allSatisfy { key, value in rhs[key].map { value.isEquivalent(to: $0) } ?? false }
        default:
            return self == other
        }
    }
}
