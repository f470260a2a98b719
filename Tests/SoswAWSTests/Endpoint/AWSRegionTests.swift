import Foundation
import SoswAWS
import Testing

@Suite struct AWSRegionTests {
    @Test func awsRegionWinsOverTheDefaultRegion() throws {
        #expect(try AWSRegion.fromEnvironment(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-east-1"])
            == "eu-west-1")
    }

    @Test func theDefaultRegionIsTheFallback() throws {
        #expect(try AWSRegion.fromEnvironment(["AWS_DEFAULT_REGION": "us-east-1"]) == "us-east-1")
        #expect(try AWSRegion.fromEnvironment(["AWS_REGION": "", "AWS_DEFAULT_REGION": "us-east-2"]) == "us-east-2")
    }

    @Test func noRegionSaysWhatToSet() {
        let error = #expect(throws: AWSConfigurationError.self) { try AWSRegion.fromEnvironment([:]) }
        #expect(error?.description.contains("AWS_REGION") == true)
        #expect(error?.description.contains("AWS_REGION=us-east-1") == true)
    }

    static func sharedConfig(_ config: String) throws -> AWSSharedConfig {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sosw-region-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/.aws", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try config.write(toFile: home + "/.aws/config", atomically: true, encoding: .utf8)
        return try AWSSharedConfig.load(environment: [:], home: home)
    }

    @Test func theProfilesRegionComesAfterTheVariables() throws {
        let config = try Self.sharedConfig("[default]\nregion = eu-central-1\n[profile dev]\nregion = us-west-1\n")
        #expect(try AWSRegion.resolve(environment: [:], sharedConfig: config) == "eu-central-1")
        #expect(try AWSRegion.resolve(environment: ["AWS_PROFILE": "dev"], sharedConfig: config) == "us-west-1")
        #expect(try AWSRegion.resolve(environment: ["AWS_DEFAULT_REGION": "sa-east-1"], sharedConfig: config) == "sa-east-1")
        #expect(
            try AWSRegion.resolve(environment: ["AWS_REGION": "ca-central-1", "AWS_PROFILE": "dev"], sharedConfig: config)
                == "ca-central-1")
    }

    @Test func noRegionAnywhereNamesTheVariablesAndTheProfile() throws {
        let config = try Self.sharedConfig("[profile dev]\noutput = json\n")
        let error = #expect(throws: AWSConfigurationError.self) {
            try AWSRegion.resolve(environment: ["AWS_PROFILE": "dev"], sharedConfig: config)
        }
        #expect(error?.description.contains("AWS_REGION=us-east-1") == true)
        #expect(error?.description.contains("`region = us-east-1` to profile 'dev' in \(config.configFile)") == true)
    }
}
