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
        SeededIDSource.hex(random.nextWord()) + SeededIDSource.hex(random.nextWord())
    }

    static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
