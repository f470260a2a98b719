import SoswCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The byte encoding of key values whose unsigned byte order is DynamoDB's key order: numbers numerically,
/// strings by their UTF-8 bytes, binaries by their bytes, a value before any longer value it is a prefix of,
/// and a missing component before any value.
///
/// Each component is self-delimiting, so a key is its components one after the other and a component never
/// is a prefix of another value's component:
/// - missing: `00`;
/// - string `01` and binary `03`: the bytes with `00` written as `00 FF`, then `00 00`;
/// - number `02`: `00` negative, `01` zero, `02` positive, then for a non-zero number the adjusted exponent
///   plus 130 (one byte: DynamoDB's range is -130…125) and the 38-digit significand as a big-endian 128-bit
///   integer, both bit-inverted for a negative number.
enum KeyEncoding {
    static let missing: UInt8 = 0x00
    private static let stringTag: UInt8 = 0x01
    private static let numberTag: UInt8 = 0x02
    private static let binaryTag: UInt8 = 0x03
    private static let significandBytes = 16

    /// 10^0 … 10^38: scales a significand to exactly 38 digits.
    private static let powersOfTen: [UInt128] = (0...DynamoNumber.maximumSignificantDigits).map { power in
        (0..<power).reduce(UInt128(1)) { value, _ in value * 10 }
    }

    static func append(_ scalar: KeyScalar?, to bytes: inout [UInt8]) {
        if let scalar {
            append(scalar.attributeValue, to: &bytes)
        } else {
            bytes.append(missing)
        }
    }

    /// Appends a key attribute's value (S, N or B; the caller has checked the type against the schema).
    static func append(_ value: AttributeValue, to bytes: inout [UInt8]) {
        switch value {
        case .s(let text):
            bytes.append(stringTag)
            appendEscaped(text.utf8, to: &bytes)
            bytes.append(0x00)
            bytes.append(0x00)
        case .b(let binary):
            bytes.append(binaryTag)
            appendEscaped(binary, to: &bytes)
            bytes.append(0x00)
            bytes.append(0x00)
        case .n(let number):
            bytes.append(numberTag)
            appendNumber(number, to: &bytes)
        default:
            preconditionFailure("a key attribute is S, N or B; got \(value.typeName)")
        }
    }

    /// One component alone.
    static func component(_ scalar: KeyScalar) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(reservedSize(of: scalar))
        append(scalar, to: &bytes)
        return bytes
    }

    /// The bytes a component of `scalar` takes, escapes aside: reserving them first spares the array the
    /// reallocations of growing as the component is appended.
    static func reservedSize(of scalar: KeyScalar) -> Int {
        switch scalar {
        case .string(let text): text.utf8.count + 3
        case .binary(let binary): binary.count + 3
        case .number: 3 + significandBytes
        }
    }

    /// The bytes every component of a string or binary starting with `prefix` starts with (begins_with).
    static func prefixComponent(_ prefix: KeyScalar) -> [UInt8] {
        var bytes: [UInt8] = []
        switch prefix {
        case .string(let text):
            bytes.append(stringTag)
            appendEscaped(text.utf8, to: &bytes)
        case .binary(let binary):
            bytes.append(binaryTag)
            appendEscaped(binary, to: &bytes)
        case .number:
            bytes = component(prefix)
        }
        return bytes
    }

    /// The least byte string greater than every string that starts with `bytes`; nil if there is none (all
    /// `FF`, which an encoded key never is: it starts with a type tag).
    static func successor(of bytes: [UInt8]) -> [UInt8]? {
        var result = bytes
        while let last = result.last {
            if last < 0xFF {
                result[result.count - 1] = last + 1
                return result
            }
            result.removeLast()
        }
        return nil
    }

    private static func appendEscaped(_ source: some Collection<UInt8>, to bytes: inout [UInt8]) {
        // Native strings and arrays are contiguous: one scan for a zero byte and one copy (a key almost never
        // holds a zero byte).
        let copied: Bool? = source.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return true }
            if memchr(base, 0, buffer.count) != nil { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied == true { return }
        for byte in source {
            bytes.append(byte)
            if byte == 0x00 { bytes.append(0xFF) }
        }
    }

    private static func appendNumber(_ number: DynamoNumber, to bytes: inout [UInt8]) {
        if number.isZero {
            bytes.append(0x01)
            return
        }
        let adjustedExponent = number.exponent + number.significantDigitCount - 1
        let scaled =
            number.significand
            * powersOfTen[DynamoNumber.maximumSignificantDigits - number.significantDigitCount]
        let invert: UInt8 = number.isNegative ? 0xFF : 0x00
        bytes.append(number.isNegative ? 0x00 : 0x02)
        bytes.append(UInt8(adjustedExponent - DynamoNumber.minimumAdjustedExponent) ^ invert)
        let significand = number.isNegative ? ~scaled.bigEndian : scaled.bigEndian
        withUnsafeBytes(of: significand) { bytes.append(contentsOf: $0) }
    }

    /// Whether the component starting at `start` is an empty string or binary (its tag, then the terminator: an
    /// escaped zero byte would be `00 FF`).
    static func isEmptyStringOrBinary(_ bytes: [UInt8], at start: Int) -> Bool {
        (bytes[start] == stringTag || bytes[start] == binaryTag) && bytes[start + 1] == 0x00 && bytes[start + 2] == 0x00
    }

    /// Where the component starting at `start` ends (the start of the next one).
    static func endOfComponent(in bytes: [UInt8], from start: Int) -> Int {
        switch bytes[start] {
        case missing:
            return start + 1
        case numberTag:
            return bytes[start + 1] == 0x01 ? start + 2 : start + 3 + significandBytes
        default:
            var offset = start + 1
            while !(bytes[offset] == 0x00 && bytes[offset + 1] == 0x00) {
                offset += bytes[offset] == 0x00 ? 2 : 1
            }
            return offset + 2
        }
    }

    /// The value of the component starting at `start`; nil for a missing one.
    static func decode(_ bytes: [UInt8], at start: Int) -> KeyScalar? {
        switch bytes[start] {
        case missing:
            return nil
        case numberTag:
            return .number(decodeNumber(bytes, at: start + 1))
        case let tag:
            var raw: [UInt8] = []
            var offset = start + 1
            while !(bytes[offset] == 0x00 && bytes[offset + 1] == 0x00) {
                raw.append(bytes[offset])
                offset += bytes[offset] == 0x00 ? 2 : 1
            }
            return tag == stringTag ? .string(String(decoding: raw, as: UTF8.self)) : .binary(raw)
        }
    }

    private static func decodeNumber(_ bytes: [UInt8], at start: Int) -> DynamoNumber {
        let sign = bytes[start]
        if sign == 0x01 { return .zero }
        let invert: UInt8 = sign == 0x00 ? 0xFF : 0x00
        let adjustedExponent = Int(bytes[start + 1] ^ invert) + DynamoNumber.minimumAdjustedExponent
        var scaled: UInt128 = 0
        for offset in 0..<significandBytes {
            scaled = scaled << 8 | UInt128(bytes[start + 2 + offset] ^ invert)
        }
        let exponent = adjustedExponent - (DynamoNumber.maximumSignificantDigits - 1)
        // The text round trip is exact: 38 digits and an exponent within the range the encoding came from.
        return try! DynamoNumber(parsing: "\(sign == 0x00 ? "-" : "")\(scaled)E\(exponent)")
    }
}
