import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Expression attributes: placeholder values")
struct ExpressionAttributesTests {
    /// A few values are searched in turn, more are hashed: either way every supplied placeholder is found with its
    /// own value, and an unsupplied one (or a request without values) finds none.
    @Test("every supplied value is found, and only those", arguments: [0, 1, 3, 4, 5, 12])
    func findsSuppliedValues(count: Int) {
        var values: DynamoItem = [:]
        for index in 0..<count { values[":v\(index)"] = .n(DynamoNumber(index)) }
        let attributes = ExpressionAttributes(values: count == 0 ? nil : values)
        for index in 0..<count {
            #expect(attributes.value(of: ":v\(index)") == .n(DynamoNumber(index)))
        }
        #expect(attributes.value(of: ":v\(count)") == nil)
        #expect(attributes.value(of: ":v") == nil)
        #expect(attributes.value(of: ":a-much-longer-placeholder-than-a-small-string") == nil)
    }
}
