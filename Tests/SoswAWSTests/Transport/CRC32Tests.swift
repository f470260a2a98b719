import SoswAWS
import Testing

@Suite struct CRC32Tests {
    @Test func matchesTheStandardCheckValue() {
        // The check value of CRC-32/ISO-HDLC (zlib's crc32) over "123456789".
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func matchesZlibOnADynamoDBBody() {
        // python3 -c 'import zlib; print(zlib.crc32(b"{\"Item\":{\"pk\":{\"S\":\"a\"}}}"))'
        #expect(CRC32.checksum(Array(#"{"Item":{"pk":{"S":"a"}}}"#.utf8)) == 642_333_050)
    }
}
