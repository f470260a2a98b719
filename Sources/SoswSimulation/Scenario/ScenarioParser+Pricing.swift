import SoswCore
import Yams

extension ScenarioParser {
    static let pricingKeys = ["region", "file", "prices", "architecture", "functions", "essentials"]
    static let essentialPricingKeys = ["memory_mb", "architecture"]

    /// `pricing:` resolved against its price file: the region (by default the labourers' ARNs' region), the
    /// overrides, each function's architecture and the essentials' memory. Without the key, the built-in prices
    /// of the labourers' region.
    func pricing(_ node: Node?, names: DeclaredNames, lambda: LambdaSettings, configNode: Node?) throws(ScenarioError) -> Pricing {
        let fields = try node.map { node throws(ScenarioError) in try reader.mapping(node, path: "pricing", allowed: Self.pricingKeys) } ?? [:]
        let list = try fields["file"].map { node throws(ScenarioError) in try priceList(node) } ?? .builtIn
        let region: String
        if let regionNode = fields["region"] {
            region = try reader.name(regionNode, path: "pricing.region")
            try check(region, in: list, node: regionNode, path: "pricing.region")
        } else {
            let labourers = try labourerRegion(names, configNode: configNode)
            region = labourers?.region ?? Pricing.default.region
            try check(region, in: list, node: labourers?.node ?? node ?? configNode, path: labourers?.path ?? "pricing.region")
        }
        let overrides = try fields["prices"].map { node throws(ScenarioError) in
            try PriceList.prices(node, path: "pricing.prices", reader: reader)
        } ?? [:]
        let architecture = try fields["architecture"].map { node throws(ScenarioError) in
            try self.architecture(node, path: "pricing.architecture")
        } ?? .x86_64
        var pricing = Pricing(region: region, list: list, overrides: overrides, architecture: architecture)
        if let functions = fields["functions"] {
            let declared = lambda.functions.map(\.name)
            for entry in try reader.entries(functions, path: "pricing.functions") {
                guard declared.contains(entry.key) else {
                    throw reader.error(entry.keyNode, entry.path, "not a function of lambda.functions;"
                        + NearMiss.hint(for: entry.key, among: declared) + " expected one of: \(declared.joined(separator: ", "))")
                }
                let settings = try reader.mapping(entry.value, path: entry.path, allowed: ["architecture"])
                let node = try reader.required(settings["architecture"], path: "\(entry.path).architecture", in: entry.value, expected: "x86_64 or arm64")
                pricing.functionArchitectures[entry.key] = try self.architecture(node, path: "\(entry.path).architecture")
            }
        }
        if let essentials = fields["essentials"] {
            let allowed = Essential.allCases.map(\.rawValue)
            for entry in try reader.entries(essentials, path: "pricing.essentials") {
                guard let essential = Essential(rawValue: entry.key) else {
                    throw reader.error(entry.keyNode, entry.path, "unknown essential;"
                        + NearMiss.hint(for: entry.key, among: allowed) + " expected one of: \(allowed.joined(separator: ", "))")
                }
                let settings = try reader.mapping(entry.value, path: entry.path, allowed: Self.essentialPricingKeys)
                if let node = settings["memory_mb"] {
                    pricing.essentialMemoryMB[essential] = Int(try reader.integer(node, path: "\(entry.path).memory_mb", in: 128...10240))
                }
                if let node = settings["architecture"] {
                    pricing.functionArchitectures[essential.functionName] = try self.architecture(node, path: "\(entry.path).architecture")
                }
            }
        }
        return pricing
    }

    /// The price file `pricing.file` names, resolved relative to the scenario file; its own mistakes are
    /// reported against it.
    private func priceList(_ node: Node) throws(ScenarioError) -> PriceList {
        let file = try referencedFile(node, path: "pricing.file")
        return try PriceList(yaml: file.text, file: file.name.hasPrefix("/") ? file.name : directory + file.name)
    }

    private func architecture(_ node: Node, path: String) throws(ScenarioError) -> LambdaArchitecture {
        LambdaArchitecture(rawValue: try reader.choice(node, path: path, among: LambdaArchitecture.allCases.map(\.rawValue)))!
    }

    private func check(_ region: String, in list: PriceList, node: Node?, path: String) throws(ScenarioError) {
        guard list.regions[region] == nil else { return }
        let problem = "no prices for region '\(region)' in the price file \(list.file);"
            + NearMiss.hint(for: region, among: list.regionNames)
            + " regions available: \(list.regionNames.joined(separator: ", ")) (choose one with pricing.region, or add the region to a price file named by pricing.file)"
        throw ScenarioError(file: reader.file, line: node?.mark?.line, keyPath: path, problem: problem)
    }

    /// The region of the labourers' function ARNs (those that name one), with where the first says it; nil when
    /// none does. Two regions are an error: which region's prices apply is then for `pricing.region` to say.
    private func labourerRegion(_ names: DeclaredNames, configNode: Node?) throws(ScenarioError) -> (region: String, node: Node?, path: String)? {
        var found: (region: String, node: Node?, path: String, id: String)?
        for labourer in (names.configuration?.taskManager.labourers ?? []).sorted(by: { $0.id < $1.id }) {
            guard let region = (try? ARN.LambdaFunctionReference(parsing: labourer.arn))?.region else { continue }
            let path = "config.task_config.labourers.\(labourer.id).arn"
            let node = configNode.map { locate("task_config.labourers.\(labourer.id).arn", in: $0) }
            guard let first = found else {
                found = (region, node, path, labourer.id)
                continue
            }
            guard first.region == region else {
                throw ScenarioError(
                    file: reader.file, line: node?.mark?.line, keyPath: path,
                    problem: "the labourers' ARNs name two regions, '\(first.region)' (\(first.id)) and '\(region)' (\(labourer.id)); "
                        + "say which region's prices apply with pricing.region")
            }
        }
        return found.map { ($0.region, $0.node, $0.path) }
    }
}
