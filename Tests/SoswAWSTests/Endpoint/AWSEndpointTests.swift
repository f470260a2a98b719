import SoswAWS
import Testing

@Suite struct AWSEndpointTests {
    static func dynamoDB(_ environment: [String: String], region: String = "us-east-1") throws -> AWSEndpoint {
        try AWSEndpoint.resolve(
            serviceID: "DynamoDB", endpointPrefix: "dynamodb", region: region, environment: environment)
    }

    @Test func theServiceVariableWinsOverTheGlobalOne() throws {
        let endpoint = try Self.dynamoDB([
            "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000", "AWS_ENDPOINT_URL": "http://localhost:4566",
        ])
        #expect(endpoint == AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 8000))
    }

    @Test func theGlobalVariableWinsOverTheDefault() throws {
        let endpoint = try Self.dynamoDB(["AWS_ENDPOINT_URL": "http://localhost:4566/", "AWS_ENDPOINT_URL_LAMBDA": "x"])
        #expect(endpoint == AWSEndpoint(scheme: "http", host: "localhost", port: 4566))
    }

    @Test func theDefaultIsThePublicRegionalEndpoint() throws {
        #expect(try Self.dynamoDB([:], region: "eu-west-1").description == "https://dynamodb.eu-west-1.amazonaws.com")
        #expect(try Self.dynamoDB(["AWS_ENDPOINT_URL": ""]).description == "https://dynamodb.us-east-1.amazonaws.com")
        #expect(try Self.dynamoDB([:], region: "cn-north-1").host == "dynamodb.cn-north-1.amazonaws.com.cn")
        let cloudWatch = try AWSEndpoint.resolve(
            serviceID: "CloudWatch", endpointPrefix: "monitoring", region: "us-west-2", environment: [:])
        #expect(cloudWatch.host == "monitoring.us-west-2.amazonaws.com")
    }

    @Test func configuredEndpointsCanBeIgnored() throws {
        let endpoint = try Self.dynamoDB([
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL_DYNAMODB": "http://127.0.0.1:8000",
        ])
        #expect(endpoint.host == "dynamodb.us-east-1.amazonaws.com")
    }

    @Test func theServiceVariableNameComesFromTheServiceID() {
        #expect(AWSEndpoint.serviceEndpointVariable(serviceID: "DynamoDB") == "AWS_ENDPOINT_URL_DYNAMODB")
        #expect(AWSEndpoint.serviceEndpointVariable(serviceID: "CloudWatch Logs") == "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS")
    }

    @Test func theHostHeaderCarriesOnlyANonDefaultPort() throws {
        #expect(try AWSEndpoint(url: "http://127.0.0.1:8000", variable: "v").hostHeader == "127.0.0.1:8000")
        #expect(try AWSEndpoint(url: "https://example.com:443", variable: "v").hostHeader == "example.com")
        #expect(try AWSEndpoint(url: "http://example.com:80", variable: "v").hostHeader == "example.com")
        #expect(try AWSEndpoint(url: "HTTPS://Example.COM/base/path/", variable: "v")
            == AWSEndpoint(scheme: "https", host: "example.com", basePath: "/base/path"))
        #expect(try AWSEndpoint(url: "http://[::1]:8000", variable: "v").hostHeader == "[::1]:8000")
    }

    @Test(arguments: [
        ("127.0.0.1:8000", "it has no scheme"),
        ("ftp://example.com", "the scheme is 'ftp'"),
        ("http://:8000", "it has no host"),
        ("http://localhost:99999", "the port '99999'"),
        ("http://localhost:abc", "the port 'abc'"),
        ("http://localhost/?a=b", "it has a query or a fragment"),
        ("http://user@localhost", "it has user information"),
    ])
    func aBadURLNamesTheVariableAndTheProblem(url: String, problem: String) {
        let error = #expect(throws: AWSConfigurationError.self) {
            try Self.dynamoDB(["AWS_ENDPOINT_URL_DYNAMODB": url])
        }
        guard case .invalidEndpointURL(let variable, let value, _)? = error else {
            Issue.record("expected invalidEndpointURL, got \(String(describing: error))")
            return
        }
        #expect(variable == "AWS_ENDPOINT_URL_DYNAMODB")
        #expect(value == url)
        #expect(error?.description.contains(problem) == true, "\(error?.description ?? "no error")")
        #expect(error?.description.contains("AWS_ENDPOINT_URL_DYNAMODB='\(url)'") == true)
    }
}
