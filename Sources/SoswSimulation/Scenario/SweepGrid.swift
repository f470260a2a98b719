/// The variants of a sweep: the cartesian product of its axes' values, each a set of overrides with a name
/// that is safe as a directory name and readable in a table (`max_simultaneous_invocations=100`).
public struct SweepGrid: Sendable, Hashable {
    public var axes: [SweepAxis]
    /// The first axis varies slowest, as in nested loops written in the order of the `--set` options.
    public var variants: [SweepVariant]

    public init(axes: [SweepAxis]) {
        self.axes = axes
        let labels = Self.labels(axes.map(\.path))
        var combinations: [[(axis: Int, value: String)]] = [[]]
        for (axis, values) in axes.map(\.values).enumerated() {
            combinations = combinations.flatMap { prefix in values.map { prefix + [(axis, $0)] } }
        }
        var names: Set<String> = []
        variants = combinations.enumerated().map { number, combination in
            var name = combination.isEmpty
                ? "base" : combination.map { "\(Self.fileSafe(labels[$0.axis]))=\(Self.fileSafe($0.value))" }.joined(separator: ",")
            // Values that differ only in characters a file name cannot hold would collide; number them apart.
            if !names.insert(name).inserted {
                name += "-v\(number + 1)"
                names.insert(name)
            }
            return SweepVariant(
                name: name,
                overrides: combination.map { ScenarioOverride(path: axes[$0.axis].path, value: $0.value) })
        }
    }

    /// Every run of the sweep: each variant with `seeds` consecutive seeds from `firstSeed`, variant by variant.
    public func runs(firstSeed: UInt64, seeds: Int) -> [SweepRun] {
        variants.flatMap { variant in
            (0..<UInt64(max(seeds, 1))).map { SweepRun(variant: variant, seed: firstSeed &+ $0) }
        }
    }

    /// Each path's shortest dotted suffix that no other path ends with (the last key, unless two axes share it).
    static func labels(_ paths: [String]) -> [String] {
        let split = paths.map { $0.split(separator: ".").map(String.init) }
        return split.enumerated().map { index, components in
            for length in 1...max(components.count, 1) {
                let suffix = components.suffix(length)
                let clashes = split.enumerated().contains { other, otherComponents in
                    other != index && otherComponents.suffix(length) == suffix
                }
                if !clashes { return suffix.joined(separator: ".") }
            }
            return components.joined(separator: ".")
        }
    }

    /// Letters, digits and `.`, `_`, `-` kept; anything else becomes `_`.
    static func fileSafe(_ value: String) -> String {
        String(value.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || "._-".contains($0) ? $0 : "_" })
    }
}
