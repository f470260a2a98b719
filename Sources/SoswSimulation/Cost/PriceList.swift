import Yams

/// A price file: dated list prices per region, in the form of ``AWSListPrices/text`` (the built-in one) or of a
/// file a scenario names with `pricing.file`.
///
/// Every region must carry every ``PriceKey``, so a cost is never silently priced at zero; a missing or unknown
/// key is a ``ScenarioError`` naming the price file, the line and the key path.
public struct PriceList: Sendable, Hashable {
    /// Where the prices came from: `built-in` or the file's path as the scenario wrote it.
    public var file: String
    /// When the prices were taken (as written in the file, e.g. `2025-06-01`).
    public var date: String
    public var currency: String
    /// What the prices are and where they were read, for the person quoting a figure.
    public var source: String
    public var regions: [String: RegionPrices]

    /// The name ``file`` has for the prices compiled into the simulator.
    public static let builtInName = "built-in"

    /// The prices compiled into the simulator (``AWSListPrices``); a test holds them loadable and complete.
    public static let builtIn: PriceList = {
        do {
            return try PriceList(yaml: AWSListPrices.text, file: builtInName)
        } catch {
            preconditionFailure("the built-in price list does not load: \(error)")
        }
    }()

    static let topLevelKeys = ["date", "currency", "source", "regions"]

    /// Loads price-file text named `file` (used in messages and kept as ``file``).
    public init(yaml text: String, file: String) throws(ScenarioError) {
        let reader = NodeReader(file: file)
        let root = try YAMLDocument.compose(text, file: file)
        let top = try reader.mapping(root, path: "", allowed: Self.topLevelKeys)
        self.file = file
        date = try reader.text(reader.required(top["date"], path: "date", in: root, expected: "when the prices were taken, e.g. 2025-06-01"), path: "date")
        currency = try reader.choice(reader.required(top["currency"], path: "currency", in: root, expected: "USD"), path: "currency", among: ["USD"])
        source = try top["source"].map { node throws(ScenarioError) in try reader.text(node, path: "source") } ?? ""
        let regionsNode = try reader.required(top["regions"], path: "regions", in: root, expected: "a mapping of region names to their prices")
        var regions: [String: RegionPrices] = [:]
        for entry in try reader.entries(regionsNode, path: "regions") {
            let prices = try Self.prices(entry.value, path: entry.path, reader: reader)
            let missing = PriceKey.allCases.filter { prices[$0] == nil }
            guard missing.isEmpty else {
                throw reader.error(entry.value, entry.path, "missing prices: \(missing.map(\.rawValue).joined(separator: ", "))")
            }
            regions[entry.key] = RegionPrices(prices)
        }
        guard !regions.isEmpty else { throw reader.error(regionsNode, "regions", "no regions; expected at least one") }
        self.regions = regions
    }

    /// The region names, sorted.
    public var regionNames: [String] {
        regions.keys.sorted()
    }

    /// Prices under `node` by their key paths (`lambda: {gb_second: {arm64: …}}`), any subset of ``PriceKey``;
    /// each a number of at least 0. Also reads a scenario's `pricing.prices`.
    static func prices(_ node: Node, path: String, reader: NodeReader) throws(ScenarioError) -> [PriceKey: Double] {
        var prices: [PriceKey: Double] = [:]
        try collect(node, prefix: "", path: path, reader: reader, into: &prices)
        return prices
    }

    private static func collect(
        _ node: Node, prefix: String, path: String, reader: NodeReader, into prices: inout [PriceKey: Double]
    ) throws(ScenarioError) {
        let below = PriceKey.allCases.map(\.rawValue).filter { $0.hasPrefix(prefix) }
        var allowed: [String] = []
        for key in below {
            let next = String(key.dropFirst(prefix.count).prefix { $0 != "." })
            if !allowed.contains(next) { allowed.append(next) }
        }
        for (key, value) in try reader.mapping(node, path: path, allowed: allowed).sorted(by: { $0.key < $1.key }) {
            let keyPath = "\(path).\(key)"
            if let price = PriceKey(rawValue: prefix + key) {
                prices[price] = try reader.number(value, path: keyPath, atLeast: 0)
            } else {
                try collect(value, prefix: "\(prefix)\(key).", path: keyPath, reader: reader, into: &prices)
            }
        }
    }
}
