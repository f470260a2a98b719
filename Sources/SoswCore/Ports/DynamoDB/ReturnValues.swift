/// Which item image a write returns in `Attributes`: nothing, the item before or after the write, or only the
/// attributes an update changed (before or after).
public enum ReturnValues: String, Sendable, Equatable, Codable, CaseIterable {
    case nothing = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"
}
