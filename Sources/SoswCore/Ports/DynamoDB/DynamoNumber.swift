/// A DynamoDB number: an exact decimal of up to 38 significant digits, magnitudes from 1E-130 to
/// 9.9999999999999999999999999999999999999E+125 (and zero).
///
/// Kept as a decimal, never a `Double`: sosw's greenfields are Unix seconds and counters that must compare
/// and increment exactly, and DynamoDB orders and adds numbers as decimals ("1.50" equals "1.5").
/// The value is `significand × 10^exponent`, normalised so the significand has no trailing zeros; equality
/// and hashing are therefore by value.
public struct DynamoNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The most significant digits DynamoDB stores.
    public static let maximumSignificantDigits = 38
    /// The largest decimal exponent of a number's leading digit (9.99…E+125).
    public static let maximumAdjustedExponent = 125
    /// The smallest decimal exponent of a number's leading digit (1E-130).
    public static let minimumAdjustedExponent = -130

    /// The digits without trailing zeros; 0 for zero.
    public let significand: UInt128
    // Stored narrow so that a number takes 20 bytes and an `AttributeValue` holds one inline instead of boxed:
    // the exponent of any number in range fits 16 bits, the digit count (at most 38) 8.
    private let storedExponent: Int16
    private let storedDigitCount: UInt8
    public private(set) var isNegative: Bool

    public var exponent: Int { Int(storedExponent) }
    /// How many digits `significand` has (1 for zero).
    public var significantDigitCount: Int { Int(storedDigitCount) }

    static let tooManyDigitsMessage = "Attempting to store more than 38 significant digits in a Number"
    static let overflowMessage =
        "Number overflow. Attempting to store a number with magnitude larger than supported range"
    static let underflowMessage =
        "Number underflow. Attempting to store a number with magnitude smaller than supported range"

    public static let zero = DynamoNumber(uncheckedNegative: false, significand: 0, exponent: 0)

    /// Builds a number from parts already known to be in range; normalises trailing zeros.
    private init(uncheckedNegative: Bool, significand: UInt128, exponent: Int) {
        var significand = significand
        var exponent = exponent
        if significand == 0 {
            self.isNegative = false
            self.significand = 0
            self.storedExponent = 0
            self.storedDigitCount = 1
            return
        }
        if let small = UInt64(exactly: significand) {
            // Most numbers fit 64 bits, where dividing by ten is a multiplication; 128-bit division is a call.
            var rest = small
            while rest % 10 == 0 {
                rest /= 10
                exponent += 1
            }
            significand = UInt128(rest)
        } else {
            while significand % 10 == 0 {
                significand /= 10
                exponent += 1
            }
        }
        self.isNegative = uncheckedNegative
        self.significand = significand
        self.storedExponent = Int16(exponent)
        self.storedDigitCount = UInt8(DynamoNumber.digitCount(of: significand))
    }

    public init(_ value: Int64) {
        self.init(uncheckedNegative: value < 0, significand: UInt128(value.magnitude), exponent: 0)
    }

    public init(_ value: Int) {
        self.init(Int64(value))
    }

    /// Parses the text of an `N` value as DynamoDB accepts it: an optional sign, digits with at most one
    /// decimal point, and an optional exponent (`-1.5`, `007`, `.5`, `1e3`, `2E-4`). No whitespace, no
    /// `NaN` or `Infinity`.
    public init(parsing text: String) throws(DynamoDBError) {
        guard let parsed = DynamoNumber.parseDigits(text) else {
            throw .validation("The parameter cannot be converted to a numeric value: \(text)")
        }
        var digits = parsed.digits
        var exponent = parsed.exponent
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty {
            self = .zero
            return
        }
        self = try DynamoNumber.make(isNegative: parsed.isNegative, digits: digits, exponent: exponent)
    }

    /// Leading digit first, no leading zeros (may have trailing zeros); nil when the text is not a number.
    private static func parseDigits(_ text: String) -> (isNegative: Bool, digits: [UInt8], exponent: Int)? {
        let bytes = Array(text.utf8)
        var index = 0
        var isNegative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            isNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: [UInt8] = []
        var exponent = 0
        var sawDigit = false
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                sawDigit = true
                let digit = byte - UInt8(ascii: "0")
                if !digits.isEmpty || digit != 0 {
                    digits.append(digit)
                }
                if sawPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentIsNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentIsNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0
            var sawExponentDigit = false
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                sawExponentDigit = true
                // Saturate: anything this large is out of range anyway.
                written = min(written * 10 + Int(bytes[index] - UInt8(ascii: "0")), 1_000_000)
                index += 1
            }
            guard sawExponentDigit, index == bytes.count else { return nil }
            exponent += exponentIsNegative ? -written : written
        }
        return (isNegative, digits, exponent)
    }

    /// Builds a number from its digits (leading digit first, no leading or trailing zeros, not empty),
    /// checking precision and range as DynamoDB does.
    private static func make(isNegative: Bool, digits: [UInt8], exponent: Int) throws(DynamoDBError) -> DynamoNumber {
        guard digits.count <= maximumSignificantDigits else {
            throw .validation(tooManyDigitsMessage)
        }
        try checkRange(adjustedExponent: exponent + digits.count - 1)
        var significand: UInt128 = 0
        for digit in digits {
            significand = significand * 10 + UInt128(digit)
        }
        return DynamoNumber(uncheckedNegative: isNegative, significand: significand, exponent: exponent)
    }

    /// Refuses a number whose leading digit's exponent is outside DynamoDB's range, with the service's message.
    private static func checkRange(adjustedExponent: Int) throws(DynamoDBError) {
        guard adjustedExponent <= maximumAdjustedExponent else { throw .validation(overflowMessage) }
        guard adjustedExponent >= minimumAdjustedExponent else { throw .validation(underflowMessage) }
    }

    private static func digitCount(of value: UInt128) -> Int {
        // The number of powers of ten not above the value (10^0 … 10^38), found by comparisons only.
        var low = 1
        var high = powersOfTen.count
        while low < high {
            let middle = (low + high) / 2
            if powersOfTen[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static let powersOfTen: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append(powers[powers.count - 1] * 10) }
        return powers
    }()

    public var isZero: Bool { significand == 0 }

    /// The canonical text DynamoDB returns: plain notation, no leading or trailing zeros, no `+`.
    public var text: String {
        if significand == 0 { return "0" }
        let digits = String(significand)
        var result = isNegative ? "-" : ""
        if exponent >= 0 {
            result += digits
            result += String(repeating: "0", count: exponent)
        } else if -exponent < digits.count {
            let split = digits.index(digits.endIndex, offsetBy: exponent)
            result += digits[..<split]
            result += "."
            result += digits[split...]
        } else {
            result += "0."
            result += String(repeating: "0", count: -exponent - digits.count)
            result += digits
        }
        return result
    }

    public var description: String { text }

    /// The nearest double, for reports and metrics; never used for ordering or arithmetic.
    public var doubleValue: Double {
        Double(text) ?? .nan
    }

    /// The value as an integer when it is integral and fits in 64 bits.
    public var int64Value: Int64? {
        if significand == 0 { return 0 }
        guard exponent >= 0, significantDigitCount + exponent <= 19 else { return nil }
        let magnitude = significand * DynamoNumber.powersOfTen[exponent]
        if isNegative {
            guard magnitude <= UInt128(Int64.max) + 1 else { return nil }
            return magnitude == UInt128(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt128(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The size DynamoDB counts for this number in an item: one byte per two significant digits, plus one.
    public var storageSize: Int {
        (significantDigitCount + 1) / 2 + 1
    }

    public static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool {
        let lhsSign = lhs.significand == 0 ? 0 : (lhs.isNegative ? -1 : 1)
        let rhsSign = rhs.significand == 0 ? 0 : (rhs.isNegative ? -1 : 1)
        if lhsSign != rhsSign { return lhsSign < rhsSign }
        if lhsSign == 0 { return false }
        let magnitudeOrder = compareMagnitude(lhs, rhs)
        return lhsSign > 0 ? magnitudeOrder < 0 : magnitudeOrder > 0
    }

    /// -1, 0 or 1 as |lhs| is smaller than, equal to or larger than |rhs| (both non-zero).
    private static func compareMagnitude(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Int {
        let lhsAdjusted = lhs.exponent + lhs.significantDigitCount - 1
        let rhsAdjusted = rhs.exponent + rhs.significantDigitCount - 1
        if lhsAdjusted != rhsAdjusted { return lhsAdjusted < rhsAdjusted ? -1 : 1 }
        // Same leading position: align the significands to the same number of digits.
        var lhsAligned = lhs.significand
        var rhsAligned = rhs.significand
        if lhs.significantDigitCount < rhs.significantDigitCount {
            lhsAligned *= powersOfTen[rhs.significantDigitCount - lhs.significantDigitCount]
        } else if rhs.significantDigitCount < lhs.significantDigitCount {
            rhsAligned *= powersOfTen[lhs.significantDigitCount - rhs.significantDigitCount]
        }
        return lhsAligned < rhsAligned ? -1 : (lhsAligned == rhsAligned ? 0 : 1)
    }

    /// The exact sum, or a ValidationException when it needs more than 38 digits or leaves the range —
    /// DynamoDB never rounds an ADD or a SET `a + b`.
    public func adding(_ other: DynamoNumber) throws(DynamoDBError) -> DynamoNumber {
        if other.isZero { return self }
        if isZero { return other }
        let common = Swift.min(exponent, other.exponent)
        let lhsShift = exponent - common
        let rhsShift = other.exponent - common
        if significantDigitCount + lhsShift <= DynamoNumber.maximumSignificantDigits,
            other.significantDigitCount + rhsShift <= DynamoNumber.maximumSignificantDigits
        {
            // Both fit 38 digits at the common exponent: exact in 128 bits (two of them stay below 2^128).
            let lhs = significand * DynamoNumber.powersOfTen[lhsShift]
            let rhs = other.significand * DynamoNumber.powersOfTen[rhsShift]
            let negative: Bool
            let magnitude: UInt128
            if isNegative == other.isNegative {
                (negative, magnitude) = (isNegative, lhs + rhs)
            } else if lhs == rhs {
                return .zero
            } else if lhs > rhs {
                (negative, magnitude) = (isNegative, lhs - rhs)
            } else {
                (negative, magnitude) = (other.isNegative, rhs - lhs)
            }
            if magnitude < DynamoNumber.powersOfTen[DynamoNumber.maximumSignificantDigits] {
                let result = DynamoNumber(uncheckedNegative: negative, significand: magnitude, exponent: common)
                try DynamoNumber.checkRange(adjustedExponent: result.exponent + result.significantDigitCount - 1)
                return result
            }
        }
        let lhsDigits = DynamoNumber.littleEndianDigits(significand, shift: lhsShift)
        let rhsDigits = DynamoNumber.littleEndianDigits(other.significand, shift: rhsShift)
        var resultNegative: Bool
        var result: [UInt8]
        if isNegative == other.isNegative {
            resultNegative = isNegative
            result = DynamoNumber.addMagnitudes(lhsDigits, rhsDigits)
        } else {
            let order = DynamoNumber.compareDigits(lhsDigits, rhsDigits)
            if order == 0 { return .zero }
            if order > 0 {
                resultNegative = isNegative
                result = DynamoNumber.subtractMagnitudes(lhsDigits, rhsDigits)
            } else {
                resultNegative = other.isNegative
                result = DynamoNumber.subtractMagnitudes(rhsDigits, lhsDigits)
            }
        }
        var resultExponent = common
        var lowest = 0
        while lowest < result.count, result[lowest] == 0 { lowest += 1 }
        resultExponent += lowest
        while let last = result.last, last == 0 { result.removeLast() }
        let leadingFirst = Array(result[lowest...].reversed())
        return try DynamoNumber.make(isNegative: resultNegative, digits: leadingFirst, exponent: resultExponent)
    }

    /// The exact difference `self - other`, with the same errors as ``adding(_:)``.
    public func subtracting(_ other: DynamoNumber) throws(DynamoDBError) -> DynamoNumber {
        try adding(other.negated)
    }

    public var negated: DynamoNumber {
        var copy = self
        if significand != 0 { copy.isNegative.toggle() }
        return copy
    }

    private static func littleEndianDigits(_ value: UInt128, shift: Int) -> [UInt8] {
        var digits = [UInt8](repeating: 0, count: shift)
        var rest = value
        while rest > 0 {
            digits.append(UInt8(rest % 10))
            rest /= 10
        }
        return digits
    }

    private static func compareDigits(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for index in stride(from: lhs.count - 1, through: 0, by: -1) where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitudes(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(Swift.max(lhs.count, rhs.count) + 1)
        var carry: UInt8 = 0
        for index in 0..<Swift.max(lhs.count, rhs.count) {
            let sum = (index < lhs.count ? lhs[index] : 0) + (index < rhs.count ? rhs[index] : 0) + carry
            result.append(sum % 10)
            carry = sum / 10
        }
        if carry > 0 { result.append(carry) }
        return result
    }

    /// `lhs - rhs` for `lhs >= rhs`.
    private static func subtractMagnitudes(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(lhs.count)
        var borrow = 0
        for index in 0..<lhs.count {
            var difference = Int(lhs[index]) - (index < rhs.count ? Int(rhs[index]) : 0) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result.append(UInt8(difference))
        }
        return result
    }
}

extension DynamoNumber: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self.init(value)
    }
}

/// Encoded as DynamoDB sends numbers: a JSON string.
extension DynamoNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try DynamoNumber(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
