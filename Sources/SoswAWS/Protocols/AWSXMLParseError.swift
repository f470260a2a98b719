/// Why a response body is not the XML document it should be, and where.
public struct AWSXMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bytes from the start of the document.
    public var offset: Int
    public var problem: String

    public init(offset: Int, problem: String) {
        self.offset = offset
        self.problem = problem
    }

    public var description: String {
        "not well-formed XML at byte \(offset): \(problem)"
    }
}
