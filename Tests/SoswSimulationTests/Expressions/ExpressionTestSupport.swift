import SoswCore
import Testing
@testable import SoswSimulation

/// Shared helpers for the expression tests: one compiler, number literals, and error capture.
enum ExpressionTestSupport {
    static let compiler = ExpressionCompiler()

    static func number(_ text: String) -> AttributeValue {
        // Literals in tests are valid numbers; a failure here is a broken test, not a finding.
        .n(try! DynamoNumber(parsing: text))
    }

    /// The message of the DynamoDBError `body` throws, or nil if it does not throw.
    static func message(_ body: () throws(DynamoDBError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            #expect(error.code == .validation)
            return error.message
        }
    }
}
