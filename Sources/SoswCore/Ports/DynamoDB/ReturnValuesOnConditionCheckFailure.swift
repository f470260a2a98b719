/// Whether a failed condition returns the existing item in the error, which saves a read to see why.
public enum ReturnValuesOnConditionCheckFailure: String, Sendable, Equatable, Codable, CaseIterable {
    case allOld = "ALL_OLD"
    case nothing = "NONE"
}
