/// What a Query or Scan returns: all attributes, the attributes projected into the index, the ones a
/// ProjectionExpression names, or only the count.
public enum Select: String, Sendable, Equatable, Codable, CaseIterable {
    case allAttributes = "ALL_ATTRIBUTES"
    case allProjectedAttributes = "ALL_PROJECTED_ATTRIBUTES"
    case specificAttributes = "SPECIFIC_ATTRIBUTES"
    case count = "COUNT"
}
