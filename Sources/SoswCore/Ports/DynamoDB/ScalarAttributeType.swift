/// The type of a key attribute: string, number or binary (the only types a key may have).
public enum ScalarAttributeType: String, Sendable, Equatable, Codable, CaseIterable {
    case string = "S"
    case number = "N"
    case binary = "B"
}
