import SoswAWS
import SoswCore
import Testing

/// The SSM client against a scripted transport: awsJson1_1 reads, and a missing parameter named in its error.
@Suite struct SSMClientTests {
    @Test func getParameterAsksForDecryptionAndReturnsTheValue() async throws {
        let (client, transport) = ScriptedClient.make(SSMClient.self, [
            .success(AWSHTTPResponse(status: 200, body: Array("""
                {"Parameter":{"Name":"/sosw/config","Type":"SecureString","Value":"{\\"a\\": 1}","Version":3,\
                "LastModifiedDate":1767578400.123,"ARN":"arn:aws:ssm:us-east-1:123456789012:parameter/sosw/config"}}
                """.utf8)))
        ])
        #expect(try await client.getParameter(name: "/sosw/config") == #"{"a": 1}"#)
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/",
            headers: ["Content-Type: application/x-amz-json-1.1", "X-Amz-Target: AmazonSSM.GetParameter"],
            body: #"{"Name":"/sosw/config","WithDecryption":true}"#))
    }

    @Test func aMissingParameterIsTheTypedErrorNamingIt() async throws {
        let (client, _) = ScriptedClient.make(SSMClient.self, [
            .success(AWSHTTPResponse(
                status: 400, headers: [.init("Content-Type", "application/x-amz-json-1.1")],
                body: Array(#"{"__type":"ParameterNotFound","message":"Parameter /sosw/missing not found."}"#.utf8)))
        ])
        let error = try #require(await thrownError { _ = try await client.getParameter(name: "/sosw/missing") } as? SSMError)
        #expect(error == SSMError(code: .parameterNotFound, message: "Parameter /sosw/missing not found.", parameterName: "/sosw/missing"))
        #expect(error.description.contains("'/sosw/missing' does not exist"))
        #expect(error.description.contains("aws ssm put-parameter --name /sosw/missing"))
    }

    @Test func getParametersAsksInBatchesOfTenAndListsTheMissingOnes() async throws {
        let names = (1...12).map { "/p/\($0)" }
        func answer(_ found: [String], missing: [String]) -> Result<AWSHTTPResponse, HTTPTransportError> {
            let parameters = found.map { #"{"Name":"\#($0)","Type":"String","Value":"v\#($0)"}"# }
            let invalid = missing.map { "\"\($0)\"" }
            return ScriptedTransport.json(200, #"{"Parameters":[\#(parameters.joined(separator: ","))],"InvalidParameters":[\#(invalid.joined(separator: ","))]}"#)
        }
        let (client, transport) = ScriptedClient.make(SSMClient.self, [
            answer(Array(names[0..<9]), missing: ["/p/10"]), answer(["/p/11"], missing: ["/p/12"]),
        ])
        let found = try await client.getParameters(names: names, withDecryption: false)
        #expect(found.values == Dictionary(uniqueKeysWithValues: (names[0..<9] + ["/p/11"]).map { ($0, "v\($0)") }))
        #expect(found.invalidNames == ["/p/10", "/p/12"])
        #expect(try found.value(of: "/p/11") == "v/p/11")
        #expect(throws: SSMError(code: .parameterNotFound, message: "Parameter /p/12 not found.", parameterName: "/p/12")) {
            try found.value(of: "/p/12")
        }
        #expect(transport.sent.map { WireForm($0.request).body } == [
            #"{"Names":["/p/1","/p/2","/p/3","/p/4","/p/5","/p/6","/p/7","/p/8","/p/9","/p/10"],"WithDecryption":false}"#,
            #"{"Names":["/p/11","/p/12"],"WithDecryption":false}"#,
        ])
    }
}
