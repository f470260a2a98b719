/// The list prices of one region, in USD, each per the unit its ``PriceKey`` names.
public struct RegionPrices: Sendable, Hashable {
    private var values: [PriceKey: Double]

    /// `values` must hold every ``PriceKey``; the price file's loader checks that before building one.
    init(_ values: [PriceKey: Double]) {
        self.values = values
    }

    public subscript(key: PriceKey) -> Double {
        get { values[key] ?? 0 }
        set { values[key] = newValue }
    }

    /// These prices with `overrides` put over them.
    func overridden(by overrides: [PriceKey: Double]) -> RegionPrices {
        RegionPrices(values.merging(overrides) { _, override in override })
    }
}
