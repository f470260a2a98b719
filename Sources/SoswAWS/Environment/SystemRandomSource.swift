import SoswCore

/// Randomness for production (retry jitter): the operating system's generator.
public struct SystemRandomSource: RandomSource {
    public init() {}

    public func nextWord() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}
