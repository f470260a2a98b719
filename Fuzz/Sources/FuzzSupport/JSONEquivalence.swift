import SoswCore

extension JSONValue {
    /// Whether two documents hold the same data, an integer and a double counting as equal when the integer
    /// rounds to the double: the parser reads integral literals with a fraction or an exponent (`5.0`,
    /// `3.4578901285443686e+18`) as integers, as Foundation's decoder does, so a double can come back from its
    /// own shortest text as an integer — above 2^53 one of the integers that round to it.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.int(let integer), .double(let double)), (.double(let double), .int(let integer)):
            return Double(integer) == double
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
