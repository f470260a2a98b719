/// `feeling_comparison_operator`: how a metric value is compared with a feeling's threshold.
///
/// sosw looks the name up in Python's `operator` module, so only `__le__`, `le`, … work there while its own docs
/// show `<=` (fixed here: docs/sosw-compatibility.md). Both spellings are accepted here, and `>=` / `>` make
/// higher-is-better metrics usable.
public enum FeelingComparison: String, CaseIterable, Hashable, Sendable {
    case lessThanOrEqual = "<="
    case lessThan = "<"
    case greaterThanOrEqual = ">="
    case greaterThan = ">"

    /// Accepts the symbol or a Python `operator` name (`__le__`, `le`, `__lt__`, `lt`, `__ge__`, `ge`,
    /// `__gt__`, `gt`).
    public init?(configName: String) {
        switch configName {
        case "<=", "le", "__le__": self = .lessThanOrEqual
        case "<", "lt", "__lt__": self = .lessThan
        case ">=", "ge", "__ge__": self = .greaterThanOrEqual
        case ">", "gt", "__gt__": self = .greaterThan
        default: return nil
        }
    }

    /// `lhs <op> rhs`.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .lessThanOrEqual: lhs <= rhs
        case .lessThan: lhs < rhs
        case .greaterThanOrEqual: lhs >= rhs
        case .greaterThan: lhs > rhs
        }
    }
}
