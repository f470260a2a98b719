/// What `GetParameters` found: the values by name, and the names that do not exist (the API's
/// `InvalidParameters`, which it reports instead of failing).
public struct SSMParameters: Sendable, Equatable {
    public var values: [String: String]
    public var invalidNames: [String]

    public init(values: [String: String], invalidNames: [String]) {
        self.values = values
        self.invalidNames = invalidNames
    }

    /// The value of `name`; throws ``SSMError/Code/parameterNotFound`` naming it when it was not found.
    public func value(of name: String) throws(SSMError) -> String {
        guard let value = values[name] else {
            throw SSMError(code: .parameterNotFound, message: "Parameter \(name) not found.", parameterName: name)
        }
        return value
    }
}
