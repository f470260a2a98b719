/// Which attributes a secondary index copies from the table: all of them, only the keys, or the keys plus a
/// list of non-key attributes.
public enum ProjectionType: String, Sendable, Equatable, Codable, CaseIterable {
    case all = "ALL"
    case keysOnly = "KEYS_ONLY"
    case include = "INCLUDE"
}
