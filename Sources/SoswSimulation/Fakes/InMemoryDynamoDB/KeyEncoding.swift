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
        append(count: encodedCount(of: value), to: &bytes) { write(value, to: $0) }
    }

    /// How many bytes ``write(_:to:)`` writes for `value`: a key is sized whole before it is written, so that
    /// it takes one allocation of the right size and no checks of capacity as it grows.
    static func encodedCount(of value: AttributeValue) -> Int {
        switch value {
        case .s(var text): text.withUTF8(escapedCount) + 3
        case .b(let binary): binary.withUnsafeBufferPointer(escapedCount) + 3
        case .n(let number): number.isZero ? 2 : 3 + significandBytes
        default: preconditionFailure("a key attribute is S, N or B; got \(value.typeName)")
        }
    }

    /// ``encodedCount(of:)``, or one byte for a missing component.
    static func encodedCount(of value: AttributeValue?) -> Int {
        value.map { encodedCount(of: $0) } ?? 1
    }

    /// Writes a key attribute's value (S, N or B; the caller has checked the type against the schema) as a
    /// component at `out`, which has room for ``encodedCount(of:)`` bytes; returns where the component ends.
    static func write(_ value: AttributeValue, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch value {
        case .s(var text):
            out.initialize(to: stringTag)
            return terminate(text.withUTF8 { writeEscaped($0, to: out + 1) })
        case .b(let binary):
            out.initialize(to: binaryTag)
            return terminate(binary.withUnsafeBufferPointer { writeEscaped($0, to: out + 1) })
        case .n(let number):
            out.initialize(to: numberTag)
            return writeNumber(number, to: out + 1)
        default:
            preconditionFailure("a key attribute is S, N or B; got \(value.typeName)")
        }
    }

    /// ``write(_:to:)``, or a missing component for nil.
    static func write(_ value: AttributeValue?, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let value else { return write(byte: missing, to: out) }
        return write(value, to: out)
    }

    /// Writes one byte (a missing component, or a bound's byte after a component) at `out`; returns the next.
    static func write(byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out.initialize(to: byte)
        return out + 1
    }

    /// Copies `bytes[range]` (parts of a key already encoded) to `out`; returns where they end.
    static func copy(
        _ bytes: [UInt8], _ range: Range<Int>, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        bytes.withUnsafeBufferPointer { source in
            out.initialize(from: source.baseAddress! + range.lowerBound, count: range.count)
        }
        return out + range.count
    }

    /// A string or binary component's terminator, after its bytes.
    private static func terminate(_ out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out.initialize(repeating: 0x00, count: 2)
        return out + 2
    }

    /// One component alone.
    static func component(_ scalar: KeyScalar) -> [UInt8] {
        let value = scalar.attributeValue
        return bytes(count: encodedCount(of: value)) { write(value, to: $0) }
    }

    /// `count` bytes, which `write` writes from the pointer it is given, returning where they end: written on the
    /// stack, then copied into an array of the right size. (`Array(unsafeUninitializedCapacity:)` would write in
    /// place, but it allocates through a generic function that looks the array's type up at run time, which
    /// measured at twice the cost of allocating and copying.)
    @inline(__always)
    static func bytes(count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            Array(written(buffer, count: count, write))
        }
    }

    /// ``bytes(count:_:)`` copied into `buffer`, replacing what it held: when nothing else holds the buffer's
    /// storage (the key made from it last time is gone), the bytes take no allocation.
    @inline(__always)
    static func bytes(
        count: Int, reusing buffer: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    ) {
        buffer.removeAll(keepingCapacity: true)
        append(count: count, to: &buffer, write)
    }

    /// Appends the `count` bytes that `write` writes (see ``bytes(count:_:)``) to `bytes`.
    @inline(__always)
    static func append(
        count: Int, to bytes: inout [UInt8], _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { temporary in
            bytes.append(contentsOf: written(temporary, count: count, write))
        }
    }

    @inline(__always)
    private static func written(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int,
        _ write: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    ) -> UnsafeBufferPointer<UInt8> {
        let end = write(buffer.baseAddress!)
        assert(end - buffer.baseAddress! == count, "a key's encoded size was miscounted")
        return UnsafeBufferPointer(start: buffer.baseAddress!, count: end - buffer.baseAddress!)
    }

    /// The bytes every component of a string or binary starting with `prefix` starts with (begins_with): its
    /// component without the terminator.
    static func prefixComponent(_ prefix: KeyScalar) -> [UInt8] {
        var bytes = component(prefix)
        if case .number = prefix { return bytes }
        bytes.removeLast(2)
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

    /// The bytes `source` takes with each zero byte escaped (a key almost never holds one: one scan finds none).
    private static func escapedCount(_ source: UnsafeBufferPointer<UInt8>) -> Int {
        guard var next = source.baseAddress else { return 0 }
        let end = next + source.count
        var zeros = 0
        while next < end, let zero = memchr(next, 0, end - next) {
            zeros += 1
            next = UnsafePointer(zero.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return source.count + zeros
    }

    private static func writeEscaped(
        _ source: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        guard let base = source.baseAddress else { return out }
        if memchr(base, 0, source.count) == nil {
            out.initialize(from: base, count: source.count)
            return out + source.count
        }
        var next = out
        for byte in source {
            next.initialize(to: byte)
            next += 1
            if byte == 0x00 {
                next.initialize(to: 0xFF)
                next += 1
            }
        }
        return next
    }

    /// A number after its tag: the sign byte, then for a non-zero number the exponent byte and the significand.
    private static func writeNumber(
        _ number: DynamoNumber, to out: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        if number.isZero {
            out.initialize(to: 0x01)
            return out + 1
        }
        let adjustedExponent = number.exponent + number.significantDigitCount - 1
        let scaled =
            number.significand
            * powersOfTen[DynamoNumber.maximumSignificantDigits - number.significantDigitCount]
        let invert: UInt8 = number.isNegative ? 0xFF : 0x00
        out.initialize(to: number.isNegative ? 0x00 : 0x02)
        (out + 1).initialize(to: UInt8(adjustedExponent - DynamoNumber.minimumAdjustedExponent) ^ invert)
        let significand = number.isNegative ? ~scaled.bigEndian : scaled.bigEndian
        UnsafeMutableRawPointer(out + 2).storeBytes(of: significand, as: UInt128.self)
        return out + 2 + significandBytes
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
