import SoswCore

extension AttributeValue {
    /// A set, map or list: the only values that can be invalid to store (an empty set, a duplicate member, a
    /// nested value that is), so an item's check walks into these alone.
    var isContainer: Bool {
        switch self {
        case .ss, .ns, .bs, .m, .l: true
        case .s, .n, .b, .bool, .null: false
        }
    }
}
