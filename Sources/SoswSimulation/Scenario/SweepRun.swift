/// One run of a sweep: a variant at one seed.
public struct SweepRun: Sendable, Hashable {
    public var variant: SweepVariant
    public var seed: UInt64

    public init(variant: SweepVariant, seed: UInt64) {
        self.variant = variant
        self.seed = seed
    }

    /// `<variant>-seed<N>`: the run's own output directory under the sweep's `runs/`.
    public var directoryName: String {
        "\(variant.name)-seed\(seed)"
    }
}
