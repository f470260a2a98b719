/// A Scheduler job that cannot be turned into tasks; `reason` says what was wrong with which value and what
/// would be accepted. (sosw's `InvalidJob`, plus the assertion and lookup failures it raises for the same cause.)
public struct InvalidJob: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "invalid job: \(reason)" }
}
