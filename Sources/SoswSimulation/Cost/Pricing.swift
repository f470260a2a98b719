/// How a scenario's run is priced (`pricing:`): the region's prices (from the built-in list or another price
/// file, with any overrides), the architecture each function is billed at, and the essentials' memory.
public struct Pricing: Sendable, Hashable {
    public var region: String
    /// The price file's name (``PriceList/builtInName`` for the compiled-in list), date and description.
    public var priceFile: String
    public var pricesDate: String
    public var pricesSource: String
    /// The region's prices with the scenario's overrides applied.
    public var prices: RegionPrices
    /// Keys of ``prices`` the scenario overrode, sorted, so a report can say the figures are not the list's.
    public var overridden: [PriceKey]
    /// Every function's architecture unless ``functionArchitectures`` names it.
    public var architecture: LambdaArchitecture
    /// By function name (workers' and the essentials' functions).
    public var functionArchitectures: [String: LambdaArchitecture]
    /// The essentials' memory, by essential; absent ones use ``Essential/deployedMemoryMB``.
    public var essentialMemoryMB: [Essential: Int]

    /// `region` should be one of `list`'s regions (the scenario loader refuses any other, naming them); the
    /// prices of a region the list lacks are the overrides alone.
    public init(
        region: String, list: PriceList, overrides: [PriceKey: Double] = [:], architecture: LambdaArchitecture = .x86_64,
        functionArchitectures: [String: LambdaArchitecture] = [:], essentialMemoryMB: [Essential: Int] = [:]
    ) {
        self.region = region
        priceFile = list.file
        pricesDate = list.date
        pricesSource = list.source
        prices = (list.regions[region] ?? RegionPrices([:])).overridden(by: overrides)
        overridden = overrides.keys.sorted()
        self.architecture = architecture
        self.functionArchitectures = functionArchitectures
        self.essentialMemoryMB = essentialMemoryMB
    }

    /// The built-in prices of the region Lambda's fake defaults to, for scenarios built in code.
    public static let `default` = Pricing(region: "us-east-1", list: .builtIn)

    public func architecture(ofFunction name: String) -> LambdaArchitecture {
        functionArchitectures[name] ?? architecture
    }

    public func memoryMB(of essential: Essential) -> Int {
        essentialMemoryMB[essential] ?? essential.deployedMemoryMB
    }
}
