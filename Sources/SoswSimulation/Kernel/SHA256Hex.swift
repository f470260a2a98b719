import Crypto

/// The SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return hexString(hasher.finalize())
}

/// Lowercase hex of a digest's bytes.
func hexString(_ digest: some Sequence<UInt8>) -> String {
    var text = ""
    for byte in digest {
        text += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
    }
    return text
}
