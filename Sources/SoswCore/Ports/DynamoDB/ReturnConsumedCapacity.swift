/// How much capacity detail a response carries: the total, the total per table and index, or none. The
/// simulation's cost reports are built from these figures.
public enum ReturnConsumedCapacity: String, Sendable, Equatable, Codable, CaseIterable {
    case indexes = "INDEXES"
    case total = "TOTAL"
    case nothing = "NONE"
}
