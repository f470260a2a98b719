/// sosw's `ECO_STATUSES`: a labourer's health, from `bad` (invoke nothing) to `high` (invoke up to the cap).
public enum EcoStatus: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
    case bad = 0
    case poor = 1
    case moderate = 2
    case good = 3
    case high = 4

    public static func < (lhs: EcoStatus, rhs: EcoStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var description: String {
        switch self {
        case .bad: "Bad"
        case .poor: "Poor"
        case .moderate: "Moderate"
        case .good: "Good"
        case .high: "High"
        }
    }
}
