/// The verdict on one expectation of a finished run: what was checked, what was measured, and whether it held.
public struct ExpectationResult: Sendable, Hashable {
    /// The expectation as written, e.g. `completed hello_worker between 200 and 200`.
    public var name: String
    /// The measured value, e.g. `200` or `21m 30s`.
    public var measured: String
    public var passed: Bool
    /// Why it failed, in words a reader can act on; empty when it passed.
    public var message: String

    public init(name: String, measured: String, passed: Bool, message: String = "") {
        self.name = name
        self.measured = measured
        self.passed = passed
        self.message = message
    }
}
