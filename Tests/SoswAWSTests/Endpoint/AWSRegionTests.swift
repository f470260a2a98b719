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
}
