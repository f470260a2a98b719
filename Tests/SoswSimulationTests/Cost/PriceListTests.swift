import SoswSimulation
import Testing

@Suite("The price file")
struct PriceListTests {
    static let requiredRegions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"]

    @Test("the built-in list loads, is dated, in USD, and has every price of every required region")
    func builtInIsComplete() throws {
        let list = try PriceList(yaml: AWSListPrices.text, file: "built-in")
        #expect(list.date == "2025-06-01")
        #expect(list.currency == "USD")
        #expect(!list.source.isEmpty)
        for region in Self.requiredRegions {
            let prices = try #require(list.regions[region], "\(region) is missing")
            for key in PriceKey.allCases {
                #expect(prices[key] > 0, "\(region) \(key.rawValue) is \(prices[key])")
            }
            #expect(prices[.lambdaGBSecondARM] < prices[.lambdaGBSecondX86], "\(region): arm64 is cheaper than x86_64")
            #expect(prices[.dynamoDBReadRequestUnits] < prices[.dynamoDBWriteRequestUnits])
        }
        #expect(PriceList.builtIn == list)
    }

    @Test("a region without every price is an error naming the file, the line, the region and what is missing")
    func incompleteRegion() {
        let text = """
            date: 2025-06-01
            currency: USD
            regions:
              eu-north-1:
                lambda: {requests_per_million: 0.2, gb_second: {x86_64: 0.0000166667}}
            """
        #expect {
            _ = try PriceList(yaml: text, file: "prices.yaml")
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.file == "prices.yaml" && error.line == 5 && error.keyPath == "regions.eu-north-1"
                && error.problem.contains("lambda.gb_second.arm64") && error.problem.contains("sns.publishes_per_million")
        }
    }

    @Test("an unknown price key is named with the keys allowed there")
    func unknownKey() {
        let text = """
            date: 2025-06-01
            currency: USD
            regions:
              eu-north-1:
                lambda: {request_per_million: 0.2}
            """
        #expect {
            _ = try PriceList(yaml: text, file: "prices.yaml")
        } throws: { error in
            guard let error = error as? ScenarioError else { return false }
            return error.keyPath == "regions.eu-north-1.lambda.request_per_million"
                && error.problem.contains("requests_per_million")
        }
    }
}
