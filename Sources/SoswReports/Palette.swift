/// The report's colours, one per meaning, so a series looks the same in every chart (running is always
/// green, limits always a dashed red) and stays distinguishable for the common colour-vision deficiencies.
enum Palette {
    static let queued = "#2563eb"
    static let running = "#059669"
    static let runningAtEnd = "#86efac"
    static let limit = "#dc2626"
    static let accountLimit = "#9333ea"
    static let invoked = "#7c3aed"
    static let completed = "#0891b2"
    static let expired = "#d97706"
    static let retried = "#db2777"
    static let dead = "#111827"
    static let health = "#4f46e5"
    static let throttles = "#ea580c"
    static let moment = "#6b7280"
    static let p50 = "#059669"
    static let p90 = "#d97706"
    static let p99 = "#dc2626"
}
