import PropertyBased
import SoswCore
import Testing

@testable import SoswSimulation

/// The in-memory DynamoDB orders every index by comparing encoded keys byte by byte, so the encoding must
/// order values exactly as DynamoDB does, tell equal values from unequal ones, delimit itself, and decode back.
@Suite("Key encoding: byte order is DynamoDB's key order")
struct KeyEncodingTests {
    /// Numbers across signs, digit counts and the whole exponent range, written as DynamoDB text.
    static let numbers = zip(Gen.bool(), Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...19), Gen.int(in: -140...130))
        .map { negative, digits, scaleDigits, exponent -> DynamoNumber? in
            let significand = String(String(digits).prefix(scaleDigits + 1))
            return try? DynamoNumber(parsing: "\(negative ? "-" : "")\(significand)E\(exponent)")
        }

    /// Strings from an alphabet with NUL, ASCII, a precomposed and a decomposed accent, and a 4-byte scalar:
    /// prefixes, escapes and canonically equivalent but byte-different strings all occur.
    static let stringPieces = ["", "\u{0}", "a", "b", "é", "e\u{301}", "\u{10000}", "z"]
    static let strings = Gen.int(in: 0...(stringPieces.count - 1)).array(of: 0...4)
        .map { choices in choices.map { stringPieces[$0] }.joined() }

    static let binaryBytes: [UInt8] = [0x00, 0x01, 0x7F, 0xFF]
    static let binaries = Gen.int(in: 0...(binaryBytes.count - 1)).array(of: 0...4)
        .map { choices in choices.map { binaryBytes[$0] } }

    static func sign(_ order: Int32) -> Int { order < 0 ? -1 : (order == 0 ? 0 : 1) }

    static func encodedOrder(_ lhs: KeyScalar, _ rhs: KeyScalar) -> Int {
        let left = KeyEncoding.component(lhs)
        let right = KeyEncoding.component(rhs)
        if left == right { return 0 }
        return left.lexicographicallyPrecedes(right) ? -1 : 1
    }

    @Test("numbers: byte order is numeric order, equal bytes exactly for equal numbers, and they decode back")
    func numbersOrderNumerically() async {
        await propertyCheck(count: 400, input: Self.numbers, Self.numbers) { lhs, rhs in
            guard let lhs, let rhs else { return }
            let expected = lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
            #expect(Self.encodedOrder(.number(lhs), .number(rhs)) == expected, "\(lhs) vs \(rhs)")
            let bytes = KeyEncoding.component(.number(lhs))
            #expect(KeyEncoding.endOfComponent(in: bytes, from: 0) == bytes.count)
            #expect(KeyEncoding.decode(bytes, at: 0) == .number(lhs))
        }
    }

    @Test("strings: byte order is UTF-8 byte order, a prefix first, and canonically equivalent strings differ")
    func stringsOrderByUTF8Bytes() async {
        await propertyCheck(count: 400, input: Self.strings, Self.strings) { lhs, rhs in
            let left = Array(lhs.utf8)
            let right = Array(rhs.utf8)
            let expected = left == right ? 0 : (left.lexicographicallyPrecedes(right) ? -1 : 1)
            #expect(Self.encodedOrder(.string(lhs), .string(rhs)) == expected, "\(left) vs \(right)")
            let bytes = KeyEncoding.component(.string(lhs))
            #expect(KeyEncoding.endOfComponent(in: bytes, from: 0) == bytes.count)
            guard case .string(let decoded)? = KeyEncoding.decode(bytes, at: 0) else {
                Issue.record("\(left) did not decode to a string")
                return
            }
            #expect(Array(decoded.utf8) == left)
        }
    }

    @Test("binaries: byte order is unsigned byte order, with zero bytes escaped")
    func binariesOrderByBytes() async {
        await propertyCheck(count: 400, input: Self.binaries, Self.binaries) { lhs, rhs in
            let expected = lhs == rhs ? 0 : (lhs.lexicographicallyPrecedes(rhs) ? -1 : 1)
            #expect(Self.encodedOrder(.binary(lhs), .binary(rhs)) == expected, "\(lhs) vs \(rhs)")
            let bytes = KeyEncoding.component(.binary(lhs))
            #expect(KeyEncoding.endOfComponent(in: bytes, from: 0) == bytes.count)
            #expect(KeyEncoding.decode(bytes, at: 0) == .binary(lhs))
        }
    }

    @Test("a begins_with prefix bounds exactly the strings that start with it")
    func prefixBoundsStringsWithThePrefix() async {
        await propertyCheck(count: 400, input: Self.strings, Self.strings) { prefix, text in
            let lower = KeyEncoding.prefixComponent(.string(prefix))
            let upper = try #require(KeyEncoding.successor(of: lower))
            let encoded = KeyEncoding.component(.string(text))
            let inside = !encoded.lexicographicallyPrecedes(lower) && encoded.lexicographicallyPrecedes(upper)
            #expect(inside == text.utf8.starts(with: prefix.utf8), "\(Array(prefix.utf8)) / \(Array(text.utf8))")
        }
    }

    @Test("an index key's table key is the primary key the table stores the item under")
    func tableKeyOfAnIndexEntry() throws {
        let tableKey = KeyDefinition(partitionName: "pk", partitionType: .string, sortName: "sk", sortType: .number)
        let item: DynamoItem = ["pk": .s("a\u{0}b"), "sk": .n(DynamoNumber(-42)), "owner": .s("ann")]
        let primary = try #require(IndexKey(item: item, tableKey: tableKey))
        #expect(primary == IndexKey(partition: .s("a\u{0}b"), sort: .n(DynamoNumber(-42))))
        let entry = IndexKey(index: .s("ann"), sort: nil, primaryKey: primary)
        #expect(entry.tableKey == primary)
        #expect(entry.partition == .string("ann"))
    }

    /// Byte strings around the 32 bytes a key keeps inline, from bytes that make prefixes and ties likely.
    static let keyBytes = Gen.int(in: 0...2).array(of: 0...48).map { choices in choices.map { [UInt8(0x00), 0x01, 0xFF][$0] } }

    @Test("keys compare as their bytes do, whether they differ within the inline 32 bytes or after them")
    func keysCompareAsBytes() async {
        await propertyCheck(count: 1000, input: Self.keyBytes, Self.keyBytes) { lhs, rhs in
            let left = IndexKey.bound(lhs)
            let right = IndexKey.bound(rhs)
            #expect((left < right) == lhs.lexicographicallyPrecedes(rhs), "\(lhs) vs \(rhs)")
            #expect((left == right) == (lhs == rhs), "\(lhs) vs \(rhs)")
            // Sharing a long prefix reaches the bytes after the inline head.
            let shared = Array(repeating: UInt8(0x01), count: 33)
            #expect((IndexKey.bound(shared + lhs) < IndexKey.bound(shared + rhs)) == lhs.lexicographicallyPrecedes(rhs))
        }
    }

    @Test("an index position built from the table position equals one encoded from its four parts")
    func indexKeyFromPrimaryKey() throws {
        let tableKey = KeyDefinition(partitionName: "pk", partitionType: .string, sortName: "sk", sortType: .number)
        let item: DynamoItem = [
            "pk": .s("a\u{0}b"), "sk": .n(DynamoNumber(-42)), "owner": .s("ann"), "at": .n(DynamoNumber(7)),
        ]
        let primary = try #require(IndexKey(item: item, tableKey: tableKey))
        #expect(IndexKey(index: .s("ann"), sort: .n(DynamoNumber(7)), primaryKey: primary)
            == IndexKey(partition: .string("ann"), sort: .number(DynamoNumber(7)), tablePartition: .string("a\u{0}b"),
                tableSort: .number(DynamoNumber(-42))))
        #expect(!primary.hasEmptyPartition && !primary.hasEmptySort)
        let empty = try #require(IndexKey(item: ["pk": .s(""), "sk": .n(1)], tableKey: tableKey))
        #expect(empty.hasEmptyPartition && !empty.hasEmptySort)
    }
}
