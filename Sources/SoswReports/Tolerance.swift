/// How far a figure may move from its baseline before `sosw check --baseline` fails: a percentage of the
/// baseline value (`5%`).
public struct Tolerance: Sendable, Hashable, CustomStringConvertible {
    /// 0.05 for 5%.
    public var fraction: Double

    public init(fraction: Double) {
        self.fraction = fraction
    }

    /// Reads `5%`, `0.5%` or `5` (a percentage either way); nil for anything else, a negative value included.
    public init?(_ text: String) {
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        guard let percent = Double(number), percent.isFinite, percent >= 0 else { return nil }
        fraction = percent / 100
    }

    public var description: String {
        "\(RunComparison.number(fraction * 100))%"
    }
}
