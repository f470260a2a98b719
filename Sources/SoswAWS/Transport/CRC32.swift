/// CRC-32 (IEEE 802.3, the zlib/PNG polynomial, reflected 0xEDB88320), as DynamoDB puts it in `x-amz-crc32`
/// over the response body. Written out here because neither swift-nio nor the packages this project uses
/// expose it; `sosw serve` computes it and the live client checks it.
public enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt32(byte)) & 0xFF)]
        }
        return crc ^ 0xFFFF_FFFF
    }
}
