import SoswCore
import Synchronization

/// Task ids derived from the run's seed: the same seed names the same tasks, in the same order, in the
/// 32-lowercase-hex form of sosw's `uuid1().hex`.
public final class SeededIDSource: IDSource {
    private let random: SeededRandom

    public init(random: SeededRandom) {
        self.random = random
    }

    public func nextID() -> String {
        let high = random.nextWord()
        let low = random.nextWord()
        return String(unsafeUninitializedCapacity: 32) { text in
            SeededIDSource.writeHex(high, to: text, at: 0)
            SeededIDSource.writeHex(low, to: text, at: 16)
            return 32
        }
    }

    /// The 16 lowercase hex digits of `word`, zero-padded, at `offset`.
    private static func writeHex(_ word: UInt64, to text: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        let digits: StaticString = "0123456789abcdef"
        for index in 0..<16 {
            text[offset + index] = digits.utf8Start[Int((word >> UInt64(60 - 4 * index)) & 0xF)]
        }
    }
}
