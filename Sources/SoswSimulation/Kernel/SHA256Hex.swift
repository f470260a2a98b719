import Crypto
import SoswCore

/// The SHA-256 of `bytes` in lowercase hex, as `sha256sum` prints it.
public func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    var hasher = SHA256()
    hasher.update(data: Array(bytes))
    return lowercaseHex(hasher.finalize())
}
