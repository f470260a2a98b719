/// One point of a sweep's grid.
public struct SweepVariant: Sendable, Hashable {
    /// Unique within its grid; used in directory names and tables.
    public var name: String
    /// One per axis, in axis order.
    public var overrides: [ScenarioOverride]

    public init(name: String, overrides: [ScenarioOverride]) {
        self.name = name
        self.overrides = overrides
    }
}
