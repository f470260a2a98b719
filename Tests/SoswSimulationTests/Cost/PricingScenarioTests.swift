import SoswCore
@testable import SoswSimulation
import Testing

@Suite("The scenario's pricing: key")
struct PricingScenarioTests {
    /// A scenario whose labourers' ARNs name `regions` (one labourer per region), with `pricing` appended.
    static func scenario(regions: [String] = ["eu-west-1"], pricing: String = "") -> String {
        var text = """
            name: priced
            start: 2026-01-05T02:00:00Z
            stop: {after: 10m}
            config:
              task_config:
                labourers:

            """
        for (index, region) in regions.enumerated() {
            text += "      worker\(index):\n"
            text += "        arn: arn:aws:lambda:\(region):000000000000:function:worker\(index)\n"
        }
        text += "lambda:\n  functions:\n"
        for index in regions.indices {
            text += "    worker\(index): {duration: {fixed: 1s}}\n"
        }
        return text + pricing
    }

    static func load(_ text: String, files: [String: String] = [:]) throws(ScenarioError) -> Scenario {
        try ScenarioLoader(readFile: { path in
            guard let text = files[path] else { throw ScenarioLoader.UnreadableFile(reason: "no such file") }
            return text
        }).scenario(yaml: text, file: "scenarios/priced.yaml")
    }

    static func failure(_ text: String, files: [String: String] = [:]) -> ScenarioError? {
        do {
            _ = try load(text, files: files)
            return nil
        } catch {
            return error
        }
    }

    @Test("without pricing:, the built-in prices of the labourers' region, x86_64, the template's memory")
    func defaults() throws {
        let pricing = try Self.load(Self.scenario(regions: ["eu-central-1"])).pricing
        #expect(pricing.region == "eu-central-1")
        #expect(pricing.priceFile == PriceList.builtInName)
        #expect(pricing.prices == PriceList.builtIn.regions["eu-central-1"])
        #expect(pricing.architecture(ofFunction: "worker0") == .x86_64)
        #expect(pricing.memoryMB(of: .orchestrator) == 256 && pricing.memoryMB(of: .scheduler) == 512)
        #expect(pricing.memoryMB(of: .workerAssistant) == 128)
    }

    @Test("a region missing from the price file is one error naming it and the regions available")
    func missingRegion() throws {
        let error = try #require(Self.failure(Self.scenario(pricing: "pricing: {region: ap-south-1}\n")))
        #expect(error.file == "scenarios/priced.yaml" && error.keyPath == "pricing.region" && error.line == 12)
        #expect(error.problem.contains("'ap-south-1'"))
        #expect(error.problem.contains("ap-southeast-2, eu-central-1, eu-west-1, us-east-1, us-east-2, us-west-2"))
        let fromARN = try #require(Self.failure(Self.scenario(regions: ["sa-east-1"])))
        #expect(fromARN.keyPath == "config.task_config.labourers.worker0.arn" && fromARN.problem.contains("'sa-east-1'"))
    }

    @Test("labourers in two regions need pricing.region; with it, its prices apply")
    func disagreeingRegions() throws {
        let error = try #require(Self.failure(Self.scenario(regions: ["eu-west-1", "us-west-2"])))
        #expect(error.keyPath == "config.task_config.labourers.worker1.arn")
        #expect(error.problem.contains("'eu-west-1'") && error.problem.contains("'us-west-2'") && error.problem.contains("pricing.region"))
        let chosen = try Self.load(Self.scenario(regions: ["eu-west-1", "us-west-2"], pricing: "pricing: {region: us-west-2}\n"))
        #expect(chosen.pricing.region == "us-west-2")
    }

    @Test("architecture, per-function and per-essential settings, overrides and another price file")
    func settings() throws {
        let pricing = try Self.load(Self.scenario(pricing: """
            pricing:
              architecture: arm64
              functions: {worker0: {architecture: x86_64}}
              essentials: {orchestrator: {memory_mb: 1024, architecture: x86_64}, worker_assistant: {memory_mb: 256}}
              prices: {lambda: {gb_second: {arm64: 0.00001}}, sns: {publishes_per_million: 0.6}}

            """)).pricing
        #expect(pricing.architecture(ofFunction: "worker0") == .x86_64)
        #expect(pricing.architecture(ofFunction: "sosw_scavenger") == .arm64)
        #expect(pricing.architecture(ofFunction: "sosw_orchestrator") == .x86_64)
        #expect(pricing.memoryMB(of: .orchestrator) == 1024 && pricing.memoryMB(of: .workerAssistant) == 256)
        #expect(pricing.memoryMB(of: .scavenger) == 256)
        #expect(pricing.prices[.lambdaGBSecondARM] == 0.00001 && pricing.prices[.snsPublishes] == 0.6)
        #expect(pricing.prices[.lambdaGBSecondX86] == PriceList.builtIn.regions["eu-west-1"]![.lambdaGBSecondX86])
        #expect(pricing.overridden == [.lambdaGBSecondARM, .snsPublishes])

        var custom = AWSListPrices.text.replacingOccurrences(of: "eu-west-1:", with: "eu-north-1:")
        custom = custom.replacingOccurrences(of: "date: 2025-06-01", with: "date: 2026-11-30")
        let other = try Self.load(
            Self.scenario(regions: ["eu-north-1"], pricing: "pricing: {file: prices/mine.yaml}\n"),
            files: ["scenarios/prices/mine.yaml": custom])
        #expect(other.pricing.region == "eu-north-1" && other.pricing.pricesDate == "2026-11-30")
        #expect(other.pricing.priceFile == "scenarios/prices/mine.yaml")
    }

    @Test("mistakes under pricing: name their key path")
    func mistakes() throws {
        let unknownFunction = try #require(Self.failure(Self.scenario(pricing: "pricing: {functions: {worker9: {architecture: arm64}}}\n")))
        #expect(unknownFunction.keyPath == "pricing.functions.worker9" && unknownFunction.problem.contains("worker0"))
        let architecture = try #require(Self.failure(Self.scenario(pricing: "pricing: {architecture: arm}\n")))
        #expect(architecture.keyPath == "pricing.architecture" && architecture.problem.contains("arm64"))
        let memory = try #require(Self.failure(Self.scenario(pricing: "pricing: {essentials: {scavenger: {memory_mb: 64}}}\n")))
        #expect(memory.keyPath == "pricing.essentials.scavenger.memory_mb")
        let price = try #require(Self.failure(Self.scenario(pricing: "pricing: {prices: {sns: {publishes_per_million: -1}}}\n")))
        #expect(price.keyPath == "pricing.prices.sns.publishes_per_million")
        let file = try #require(Self.failure(Self.scenario(pricing: "pricing: {file: nowhere.yaml}\n")))
        #expect(file.keyPath == "pricing.file" && file.problem.contains("scenarios/nowhere.yaml"))
    }

    @Test("the schema knows pricing: as the loader does: its keys, every price key, and a full example validates")
    func schemaAgrees() throws {
        let definitions = try #require(try ScenarioSchemaTests.schema()["$defs"])
        #expect((definitions["pricing"]?["properties"]?.objectValue ?? [:]).keys.sorted() == ScenarioParser.pricingKeys.sorted())
        func paths(_ node: JSONValue?, prefix: String) -> [String] {
            guard let properties = node?["properties"]?.objectValue else { return [prefix] }
            return properties.keys.sorted().flatMap { paths(properties[$0], prefix: prefix.isEmpty ? $0 : "\(prefix).\($0)") }
        }
        #expect(paths(definitions["prices"], prefix: "").sorted() == PriceKey.allCases.map(\.rawValue).sorted())
        let text = Self.scenario(pricing: """
            pricing:
              region: eu-west-1
              architecture: arm64
              functions: {worker0: {architecture: x86_64}}
              essentials: {scheduler: {memory_mb: 1024, architecture: x86_64}}
              prices: {dynamodb: {write_request_units_per_million: 1}}

            """)
        #expect(ScenarioSchemaTests.validator.errors(of: try YAMLDocument.jsonValue(yaml: text, file: "s.yaml")) == [])
        for wrong in ["pricing: {architecture: arm}\n", "pricing: {prices: {lambda: {gb_seconds: 1}}}\n"] {
            let document = try YAMLDocument.jsonValue(yaml: Self.scenario(pricing: wrong), file: "s.yaml")
            #expect(!ScenarioSchemaTests.validator.errors(of: document).isEmpty, "\(wrong)")
        }
    }
}
