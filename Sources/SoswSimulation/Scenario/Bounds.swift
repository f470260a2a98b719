/// The accepted range of a measured value in an expectation: `at_least`, `at_most`, both, or `between: [a, b]`.
public struct Bounds<Value: Comparable & Sendable & Hashable>: Sendable, Hashable {
    public var atLeast: Value?
    public var atMost: Value?

    public init(atLeast: Value? = nil, atMost: Value? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
    }

    public func contains(_ value: Value) -> Bool {
        (atLeast.map { value >= $0 } ?? true) && (atMost.map { value <= $0 } ?? true)
    }
}
