import Foundation
import PropertyBased
import Testing

@testable import SoswCore

@Suite("DynamoNumber")
struct DynamoNumberTests {
    @Test(
        "canonical text drops leading and trailing zeros and signs",
        arguments: [
            ("1", "1"), ("1.50", "1.5"), ("007", "7"), ("-0", "0"), ("0.000", "0"), ("+42", "42"),
            (".5", "0.5"), ("5.", "5"), ("1e3", "1000"), ("1E+3", "1000"), ("2E-4", "0.0002"),
            ("-12.3400e1", "-123.4"), ("123456789012345678901234567890.12345678", "123456789012345678901234567890.12345678"),
            ("0.0000012", "0.0000012"), ("1000", "1000"), ("-0.5", "-0.5"),
        ]
    )
    func canonicalText(input: String, expected: String) throws {
        #expect(try DynamoNumber(parsing: input).text == expected)
    }

    @Test("malformed text is rejected with the service's message", arguments: [
        "", "abc", "NaN", "Infinity", " 1", "1 ", "1..2", "1e", "e5", "--1", "1e+", "0x10", "1,5", "+", ".",
    ])
    func malformed(input: String) {
        #expect(throws: DynamoDBError.validation("The parameter cannot be converted to a numeric value: \(input)")) {
            try DynamoNumber(parsing: input)
        }
    }

    @Test("more than 38 significant digits is rejected, trailing zeros are not significant")
    func precision() throws {
        let thirtyEight = String(repeating: "9", count: 38)
        #expect(try DynamoNumber(parsing: thirtyEight).text == thirtyEight)
        #expect(try DynamoNumber(parsing: "1" + String(repeating: "0", count: 60)).significantDigitCount == 1)
        #expect(throws: DynamoDBError.validation("Attempting to store more than 38 significant digits in a Number")) {
            try DynamoNumber(parsing: thirtyEight + "1")
        }
        #expect(throws: DynamoDBError.validation("Attempting to store more than 38 significant digits in a Number")) {
            try DynamoNumber(parsing: "0." + thirtyEight + "1")
        }
    }

    @Test("range limits are 1E-130 and 9.99…E+125 in magnitude")
    func range() throws {
        let largest = "9." + String(repeating: "9", count: 37) + "E+125"
        #expect(try DynamoNumber(parsing: largest) > DynamoNumber(parsing: "1E+125"))
        #expect(try DynamoNumber(parsing: "-" + largest).isNegative)
        #expect(try DynamoNumber(parsing: "1E-130").exponent == -130)
        #expect(throws: DynamoDBError.validation(DynamoNumber.overflowMessage)) { try DynamoNumber(parsing: "1E+126") }
        #expect(throws: DynamoDBError.validation(DynamoNumber.overflowMessage)) { try DynamoNumber(parsing: "-1E+126") }
        #expect(throws: DynamoDBError.validation(DynamoNumber.underflowMessage)) { try DynamoNumber(parsing: "1E-131") }
        #expect(throws: DynamoDBError.validation(DynamoNumber.underflowMessage)) { try DynamoNumber(parsing: "0.9E-130") }
        #expect(try DynamoNumber(parsing: "0E+999999") == .zero)
    }

    @Test("equality and hashing are by value")
    func equality() throws {
        let a = try DynamoNumber(parsing: "1.50")
        let b = try DynamoNumber(parsing: "15e-1")
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(try DynamoNumber(parsing: "0") == DynamoNumber(parsing: "-0.0"))
    }

    @Test(
        "ordering is numeric, never lexical or through Double",
        arguments: [
            ("-10", "-9"), ("-1", "0"), ("0", "0.0000001"), ("2", "10"), ("9.99", "10"),
            ("12345678901234567890123456789012345677", "12345678901234567890123456789012345678"),
            ("0.1", "0.10000000000000000000000000000000000001"), ("-1E+100", "-1E+99"), ("1E-130", "1E-129"),
            ("99999999999999999999999999999999999999", "1E+38"),
        ]
    )
    func ordering(smaller: String, larger: String) throws {
        let lhs = try DynamoNumber(parsing: smaller)
        let rhs = try DynamoNumber(parsing: larger)
        #expect(lhs < rhs)
        #expect(!(rhs < lhs))
        #expect(lhs != rhs)
    }

    @Test(
        "addition and subtraction are exact",
        arguments: [
            ("1", "2", "3"), ("0.1", "0.2", "0.3"), ("-5", "3", "-2"), ("5", "-5", "0"), ("1.5", "-0.25", "1.25"),
            ("99999999999999999999999999999999999999", "-99999999999999999999999999999999999998", "1"),
            ("1E+38", "-1", "99999999999999999999999999999999999999"), ("1E+100", "1E+100", "2E+100"),
            ("0", "-7", "-7"), ("1767578400", "60", "1767578460"),
        ]
    )
    func addition(lhs: String, rhs: String, sum: String) throws {
        let a = try DynamoNumber(parsing: lhs)
        let b = try DynamoNumber(parsing: rhs)
        let expected = try DynamoNumber(parsing: sum)
        #expect(try a.adding(b) == expected)
        #expect(try b.adding(a) == expected)
        #expect(try expected.subtracting(b) == a)
    }

    /// A number as an integer significand and a small exponent, with its exact value known.
    /// (12 digits at most 24 places apart stay within 38 digits and within `Int128`.)
    static let scaledIntegers = zip(Gen.int64(in: -999_999_999_999...999_999_999_999), Gen.int(in: -12...12))

    @Test("addition agrees with exact 128-bit integer arithmetic at a common exponent")
    func additionIsExact() async {
        await propertyCheck(count: 500, input: Self.scaledIntegers, Self.scaledIntegers) { lhs, rhs in
            let common = min(lhs.1, rhs.1)
            func scaled(_ value: (Int64, Int)) -> Int128 {
                (0..<(value.1 - common)).reduce(Int128(value.0)) { result, _ in result * 10 }
            }
            let a = try! DynamoNumber(parsing: "\(lhs.0)E\(lhs.1)")
            let b = try! DynamoNumber(parsing: "\(rhs.0)E\(rhs.1)")
            let expected = try! DynamoNumber(parsing: "\(scaled(lhs) + scaled(rhs))E\(common)")
            #expect((try? a.adding(b)) == expected, "\(a) + \(b)")
            #expect((try? a.subtracting(b)) == (try! DynamoNumber(parsing: "\(scaled(lhs) - scaled(rhs))E\(common)")))
        }
    }

    @Test("sums too wide for 38 digits at a common exponent still add exactly when the result fits")
    func wideAlignments() throws {
        // 1E+40 and 1E+0 need 41 digits side by side: the sum does not fit and is refused; equal and opposite
        // wide numbers cancel; a wide difference whose digits fit is exact.
        #expect(throws: DynamoDBError.validation(DynamoNumber.tooManyDigitsMessage)) {
            try DynamoNumber(parsing: "1E+40").adding(1)
        }
        #expect(try DynamoNumber(parsing: "1E+40").adding(DynamoNumber(parsing: "-1E+40")) == .zero)
        #expect(
            try DynamoNumber(parsing: "5E+60").adding(DynamoNumber(parsing: "-4E+60")) == DynamoNumber(parsing: "1E+60"))
        #expect(
            try DynamoNumber(parsing: "99999999999999999999999999999999999999").adding(1)
                == DynamoNumber(parsing: "1E+38"))
    }

    @Test("arithmetic that needs more than 38 digits or leaves the range fails")
    func arithmeticErrors() throws {
        let big = try DynamoNumber(parsing: "1E+100")
        #expect(throws: DynamoDBError.validation(DynamoNumber.tooManyDigitsMessage)) { try big.adding(1) }
        let largest = try DynamoNumber(parsing: "9E+125")
        #expect(throws: DynamoDBError.validation(DynamoNumber.overflowMessage)) { try largest.adding(largest) }
        let tiny = try DynamoNumber(parsing: "1.1E-130")
        let almost = try DynamoNumber(parsing: "1E-130")
        #expect(throws: DynamoDBError.validation(DynamoNumber.underflowMessage)) { try tiny.subtracting(almost) }
    }

    @Test("integer conversions")
    func integers() throws {
        #expect(DynamoNumber(Int64.min).text == "-9223372036854775808")
        #expect(DynamoNumber(Int64.min).int64Value == Int64.min)
        #expect(DynamoNumber(Int64.max).int64Value == Int64.max)
        #expect(try DynamoNumber(parsing: "9223372036854775808").int64Value == nil)
        #expect(try DynamoNumber(parsing: "1.5").int64Value == nil)
        #expect(try DynamoNumber(parsing: "12e3").int64Value == 12000)
        #expect(try DynamoNumber(parsing: "0.25").doubleValue == 0.25)
        #expect(DynamoNumber(-42).doubleValue == -42)
    }

    @Test("storage size is one byte per two significant digits plus one")
    func storageSize() throws {
        #expect(try DynamoNumber(parsing: "0").storageSize == 2)
        #expect(try DynamoNumber(parsing: "7").storageSize == 2)
        #expect(try DynamoNumber(parsing: "12").storageSize == 2)
        #expect(try DynamoNumber(parsing: "123").storageSize == 3)
        #expect(try DynamoNumber(parsing: "1230000").storageSize == 3)
        #expect(try DynamoNumber(parsing: "0.001234").storageSize == 3)
        #expect(try DynamoNumber(parsing: String(repeating: "9", count: 38)).storageSize == 20)
    }
}
