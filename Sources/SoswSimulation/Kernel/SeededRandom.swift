import SoswCore
import Synchronization

/// The simulation's source of chance: xoshiro256** behind a lock, shareable by every component of a run.
///
/// Components should take their own stream with ``stream(_:)`` rather than share one: then a component that
/// draws one number more does not shift every other component's draws, and a scenario change stays local.
public final class SeededRandom: RandomSource {
    public let seed: UInt64
    private let generator: Mutex<Xoshiro256StarStar>

    public init(seed: UInt64) {
        self.seed = seed
        generator = Mutex(Xoshiro256StarStar(seed: seed))
    }

    public func nextWord() -> UInt64 {
        generator.withLock { $0.next() }
    }

    /// An independent generator derived from this one's seed and `label` (not from its current state), so
    /// it is the same whenever and however often it is requested.
    public func stream(_ label: String) -> SeededRandom {
        var mixer = SplitMix64(state: seed ^ SeededRandom.fnv1a(label))
        return SeededRandom(seed: mixer.next())
    }

    /// FNV-1a over UTF-8: a label hash that, unlike `Hasher`, is the same in every process.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
