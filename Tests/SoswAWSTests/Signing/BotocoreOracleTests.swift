import SoswAWS
import SoswCore
import Testing

/// The signer and the verifier against botocore's SigV4Auth, an independent implementation:
/// scripts/sigv4-oracle.py signed these requests (DynamoDB JSON 1.0, Lambda Invoke with an encoded function
/// name, a query string, a session token, an unsigned payload) and recorded what botocore produced.
@Suite struct BotocoreOracleTests {
    /// One recorded request, read from the oracle file into the values the Swift side needs.
    struct OracleCase: CustomTestStringConvertible, Sendable {
        let name: String
        let document: JSONValue
        var testDescription: String { name }

        func request() throws -> SigV4Request {
            let endpoint = try AWSEndpoint(url: try #require(document["endpoint"]?.stringValue), variable: "endpoint")
            let headers = try #require(document["headers"]?.arrayValue).map { pair in
                SigV4Request.Header(pair.arrayValue?.first?.stringValue ?? "", pair.arrayValue?.last?.stringValue ?? "")
            }
            let query = try #require(document["query"]?.arrayValue).map { pair in
                SigV4Request.QueryItem(
                    pair.arrayValue?.first?.stringValue ?? "", pair.arrayValue?.last?.stringValue ?? "")
            }
            let body = Array(try #require(document["body"]?.stringValue).utf8)
            return SigV4Request(
                method: try #require(document["method"]?.stringValue),
                path: endpoint.basePath + (try #require(document["path"]?.stringValue)),
                query: query,
                headers: [SigV4Request.Header("Host", endpoint.hostHeader)] + headers,
                payload: document["unsigned_payload"]?.boolValue == true ? .unsigned : .bytes(body))
        }

        func credentials(in oracle: JSONValue) throws -> AWSCredentials {
            AWSCredentials(
                accessKeyID: try #require(oracle["access_key_id"]?.stringValue),
                secretAccessKey: try #require(oracle["secret_access_key"]?.stringValue),
                sessionToken: document["session_token"]?.stringValue)
        }

        func expected(_ key: String) throws -> String {
            try #require(document["expected"]?[key]?.stringValue)
        }
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

    static func signingTime(_ oracle: JSONValue) throws -> UnixTime {
        let text = try #require(oracle["signing_time"]?.stringValue)
        return try #require(UnixTime(iso8601: text))
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
        let signer = SigV4Signer(
            credentials: try oracleCase.credentials(in: oracle),
            region: try #require(oracleCase.document["region"]?.stringValue),
            service: try #require(oracleCase.document["service"]?.stringValue))

        let signed = try signer.sign(try oracleCase.request(), at: try Self.signingTime(oracle))
        #expect(signed.canonicalRequest == (try oracleCase.expected("canonical_request")))
        #expect(signed.stringToSign == (try oracleCase.expected("string_to_sign")))
        #expect(signed.authorization == (try oracleCase.expected("authorization")))
        #expect(signed.headersToAdd.first == SigV4Request.Header("X-Amz-Date", try oracleCase.expected("x_amz_date")))
    }

    /// `sosw serve --check-signatures` must accept what boto3 sends: the request as botocore signed it (its
    /// Authorization and the headers it added, the body as received) passes the verifier.
    @Test(arguments: cases)
    func verifierAcceptsBotocoreSignedRequests(_ oracleCase: OracleCase) throws {
        let oracle = try Self.oracle()
        let credentials = try oracleCase.credentials(in: oracle)
        var received = try oracleCase.request()
        received.headers.append(.init("X-Amz-Date", try oracleCase.expected("x_amz_date")))
        if let token = credentials.sessionToken { received.headers.append(.init("X-Amz-Security-Token", token)) }
        if received.payload == .unsigned {
            received.headers.append(.init("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"))
        }
        received.headers.append(.init("Authorization", try oracleCase.expected("authorization")))
        received.payload = .bytes(Array(try #require(oracleCase.document["body"]?.stringValue).utf8))

        let verifier = SigV4Verifier(
            credentials: [credentials], expectedService: oracleCase.document["service"]?.stringValue)
        let authorization = try verifier.verify(received, now: try Self.signingTime(oracle) + .seconds(30))
        #expect(authorization.region == oracleCase.document["region"]?.stringValue)
    }
}
