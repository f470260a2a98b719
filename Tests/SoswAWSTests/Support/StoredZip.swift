import SoswAWS

/// A zip archive holding one file, stored without compression: what Lambda's CreateFunction takes as code. Built
/// here from the format's three records (local header, central directory entry, end of central directory) so
/// the tests need no zip tool.
enum StoredZip {
    static func archive(fileName: String, contents: [UInt8]) -> [UInt8] {
        let name = Array(fileName.utf8)
        let checksum = CRC32.checksum(contents)
        /// Version 2.0, no flags, stored, 1980-01-01 00:00, then the checksum and both sizes.
        func commonFields() -> [UInt8] {
            le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21) + le32(checksum) + le32(UInt32(contents.count))
                + le32(UInt32(contents.count)) + le16(UInt16(name.count)) + le16(0)
        }
        let local = le32(0x0403_4b50) + commonFields() + name + contents
        let central = le32(0x0201_4b50) + le16(20) + commonFields() + le16(0) + le16(0) + le16(0) + le32(0) + le32(0)
            + name
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count))
            + le32(UInt32(local.count)) + le16(0)
        return local + central + end
    }

    private static func le16(_ value: UInt16) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8)]
    }

    private static func le32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }
    }
}
