/// The role of a key attribute: partition (HASH) or sort (RANGE).
public enum KeyType: String, Sendable, Equatable, Codable, CaseIterable {
    case hash = "HASH"
    case range = "RANGE"
}
