/// A configuration the environment does not provide, or provides wrongly. Says which variable and what to put
/// in it, because the person reading it is about to edit a shell profile or a CI file.
public enum AWSConfigurationError: Error, Equatable, CustomStringConvertible {
    case missingVariables([String], purpose: String, hint: String)
    case invalidEndpointURL(variable: String, value: String, problem: String)

    public var description: String {
        switch self {
        case .missingVariables(let names, let purpose, let hint):
            "No AWS \(purpose): \(names.joined(separator: " and ")) \(names.count == 1 ? "is" : "are") not set; "
                + "\(hint)."
        case .invalidEndpointURL(let variable, let value, let problem):
            "\(variable)='\(value)' is not a usable endpoint: \(problem). "
                + "Expected http(s)://host[:port], e.g. http://127.0.0.1:8000."
        }
    }
}
