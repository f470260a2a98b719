/// sosw's `invocation_number_coefficient`: the share of a labourer's cap to use at each health status.
///
/// sosw keys the table by Python ints, so a table from JSON (string keys) was never matched (fixed here:
/// docs/sosw-compatibility.md). Here the keys of a JSON table are parsed, and each given status overrides sosw's
/// default for that status.
public struct InvocationCoefficients: Hashable, Sendable {
    /// sosw's defaults: bad 0, poor 0, moderate 0.5, good 0.75, high 1.
    public static let sosw = InvocationCoefficients(values: [
        .bad: 0, .poor: 0, .moderate: 0.5, .good: 0.75, .high: 1,
    ])

    private var values: [EcoStatus: Double]

    public init(values: [EcoStatus: Double]) {
        self.values = values
    }

    /// sosw's table overridden by the statuses present in `node` (keys `"0"`…`"4"`, values in 0…1).
    public init(config node: ConfigNode) throws {
        var values = InvocationCoefficients.sosw.values
        for (key, coefficient) in try node.members() {
            guard let raw = Int(key), let status = EcoStatus(rawValue: raw) else {
                throw ConfigError(path: coefficient.path, value: .string(key), expectation: "a status key 0, 1, 2, 3 or 4")
            }
            let value = try coefficient.double()
            guard (0...1).contains(value) else { throw coefficient.error("a coefficient between 0 and 1") }
            values[status] = value
        }
        self.values = values
    }

    public subscript(status: EcoStatus) -> Double {
        values[status] ?? 0
    }

    /// sosw's `get_desired_invocation_number_for_labourer`: `max(floor(cap × coefficient) − running, 0)`.
    public func desiredInvocations(cap: Int, status: EcoStatus, running: Int) -> Int {
        let desired = Int((Double(cap) * self[status]).rounded(.down))
        return max(desired - running, 0)
    }
}
