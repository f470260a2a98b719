import SoswAWS
import SoswCore
import Testing

/// The signer against botocore's SigV4Auth, an independent implementation: scripts/sigv4-oracle.py signed these
/// requests (DynamoDB JSON 1.0, Lambda Invoke with an encoded function name, a query string, a session token,
/// an unsigned payload) and recorded what botocore produced.
@Suite struct BotocoreOracleTests {
    struct OracleCase: CustomTestStringConvertible, Sendable {
        let name: String
        let document: JSONValue
        var testDescription: String { name }
    }

    static let file = "botocore-signatures.json"

    static let cases: [OracleCase] = {
        guard let text = try? TestResources.text(file), let document = try? JSONValue(parsing: text),
            let cases = document["cases"]?.arrayValue
        else { return [] }
        return cases.map { OracleCase(name: $0["name"]?.stringValue ?? "?", document: $0) }
    }()

    static func oracle() throws -> JSONValue {
        try JSONValue(parsing: try TestResources.text(file))
    }

    @Test func theOracleFileHasEveryCase() throws {
        #expect(Self.cases.map(\.name) == [
            "dynamodb-putitem", "dynamodb-query-gsi-local-endpoint", "dynamodb-getitem-session-token",
            "dynamodb-headers-folded-and-repeated", "lambda-invoke-arn-in-path", "lambda-invoke-unsigned-payload",
            "cloudwatch-query-string",
        ])
    }

    @Test(arguments: cases)
    func swiftSignsAsBotocoreDoes(_ oracleCase: OracleCase) throws {
        let oracle = try Self.oracle()
        let testCase = oracleCase.document
        let signingTime = try #require(oracle["signing_time"]?.stringValue)
        let time = try #require(UnixTime(iso8601: signingTime))
        let endpoint = try AWSEndpoint(url: try #require(testCase["endpoint"]?.stringValue), variable: "endpoint")
        let pairs = try #require(testCase["headers"]?.arrayValue).map { pair in
            (pair.arrayValue?.first?.stringValue ?? "", pair.arrayValue?.last?.stringValue ?? "")
        }
        let query = try #require(testCase["query"]?.arrayValue).map { pair in
            SigV4Request.QueryItem(pair.arrayValue?.first?.stringValue ?? "", pair.arrayValue?.last?.stringValue ?? "")
        }
        let body = Array(try #require(testCase["body"]?.stringValue).utf8)
        let request = SigV4Request(
            method: try #require(testCase["method"]?.stringValue),
            path: endpoint.basePath + (try #require(testCase["path"]?.stringValue)),
            query: query,
            headers: [SigV4Request.Header("Host", endpoint.hostHeader)] + pairs.map { SigV4Request.Header($0.0, $0.1) },
            payload: testCase["unsigned_payload"]?.boolValue == true ? .unsigned : .bytes(body))
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: try #require(oracle["access_key_id"]?.stringValue),
                secretAccessKey: try #require(oracle["secret_access_key"]?.stringValue),
                sessionToken: testCase["session_token"]?.stringValue),
            region: try #require(testCase["region"]?.stringValue),
            service: try #require(testCase["service"]?.stringValue))

        let signed = try signer.sign(request, at: time)
        let expected = try #require(testCase["expected"])
        #expect(signed.canonicalRequest == expected["canonical_request"]?.stringValue)
        #expect(signed.stringToSign == expected["string_to_sign"]?.stringValue)
        #expect(signed.authorization == expected["authorization"]?.stringValue)
        #expect(signed.headersToAdd.first == SigV4Request.Header("X-Amz-Date", expected["x_amz_date"]?.stringValue ?? ""))
    }
}
