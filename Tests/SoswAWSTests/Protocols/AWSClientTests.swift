import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// The client core on each protocol: the request it builds, and what an answer becomes.
@Suite struct AWSClientTests {
    struct Marker: Error, Equatable {
        var code: String
    }

    static func client(
        _ wireProtocol: AWSWireProtocol, _ script: [Result<AWSHTTPResponse, HTTPTransportError>]
    ) -> (AWSClient, ScriptedTransport) {
        let transport = ScriptedTransport(script, wallClock: SimClock(executor: SimExecutor()))
        let client = AWSClient(
            service: AWSService(serviceID: "Example", signingName: "example", wireProtocol: wireProtocol),
            endpoint: ScriptedClient.endpoint, transport: transport,
            portError: { $0.code == "Modelled" ? Marker(code: "Modelled") : nil })
        return (client, transport)
    }

    struct Input: Encodable {
        var zeta = "z/1"
        var alpha = 1
    }

    struct Output: Decodable, Equatable {
        var answer: Int
    }

    @Test func awsJson10WritesTheTargetAndSortedKeys() async throws {
        let (client, transport) = Self.client(
            .awsJson1_0(targetPrefix: "Example_2020", queryCompatible: true), [ScriptedTransport.json(200, #"{"answer":42}"#)])
        let output = try await client.jsonCall("DoThing", Input(), as: Output.self)
        #expect(output == Output(answer: 42))
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/",
            headers: [
                "Content-Type: application/x-amz-json-1.0", "X-Amz-Target: Example_2020.DoThing", "x-amzn-query-mode: true",
            ],
            body: #"{"alpha":1,"zeta":"z/1"}"#))
    }

    @Test func awsJson11HasItsOwnContentTypeAndNoQueryMode() async throws {
        let (client, transport) = Self.client(.awsJson1_1(targetPrefix: "Example"), [ScriptedTransport.ok])
        _ = try await client.jsonCall("DoThing", Input(), as: JSONValue.self)
        #expect(ScriptedClient.onlyRequest(of: transport)?.headers == [
            "Content-Type: application/x-amz-json-1.1", "X-Amz-Target: Example.DoThing",
        ])
    }

    @Test func anEmptySuccessBodyReadsAsAnEmptyObject() async throws {
        let (client, _) = Self.client(.awsJson1_1(targetPrefix: "Example"), [ScriptedTransport.json(200, "")])
        #expect(try await client.jsonCall("DoThing", Input(), as: JSONValue.self) == .object([:]))
    }

    @Test func awsQueryFormEncodesAsTheSDKsDo() async throws {
        let (client, transport) = Self.client(.awsQuery(apiVersion: "2010-03-31"), [
            ScriptedTransport.xml(200, "<DoThingResponse><DoThingResult><Id>7</Id></DoThingResult></DoThingResponse>")
        ])
        let result = try await client.queryCall(
            "DoThing", ["Arn": "arn:aws:sns:us-east-1:123456789012:t", "Text": "hello world & more ~é", "Absent": nil])
        #expect(result.text(of: "Id") == "7")
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/", headers: ["Content-Type: application/x-www-form-urlencoded; charset=utf-8"],
            body: "Action=DoThing&Version=2010-03-31&Arn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3At"
                + "&Text=hello+world+%26+more+~%C3%A9"))
        #expect(transport.sent[0].request.isUnsigned == false)
    }

    @Test func anAwsQueryResponseWithoutItsResultIsMalformed() async throws {
        let (client, _) = Self.client(.awsQuery(apiVersion: "1"), [ScriptedTransport.xml(200, "<Other/>")])
        let error = await thrownError { _ = try await client.queryCall("DoThing", [:]) }
        let serviceError = try #require(error as? AWSServiceError)
        #expect(serviceError.operation == "DoThing")
        #expect(serviceError.message.contains("expected <DoThingResponse><DoThingResult>, the document is <Other>"))
    }

    @Test func restJsonLeavesOutNilMembersAndEncodesLabels() {
        let (client, _) = Self.client(.restJson1, [])
        let request = client.restRequest(
            "PUT", path: "/things/\(AWSClient.uriLabel("arn:aws:x:1/a b"))",
            query: ["Kept": "1", "Dropped": nil], headers: ["X-Kept": "a", "X-Dropped": nil], body: Array("{}".utf8))
        #expect(WireForm(request) == WireForm(
            method: "PUT", path: "/things/arn%3Aaws%3Ax%3A1%2Fa%20b", query: ["Kept=1"], headers: ["X-Kept: a"], body: "{}"))
    }

    @Test func aCodeThePortModelsBecomesThePortsError() async {
        let (client, _) = Self.client(.restJson1, [ScriptedTransport.json(400, #"{"__type":"Modelled"}"#)])
        let error = await thrownError { _ = try await client.send(client.restRequest("GET", path: "/"), operation: "Get") }
        #expect(error as? Marker == Marker(code: "Modelled"))
    }

    @Test func otherCodesAndForeignBodiesBecomeServiceErrors() async throws {
        let (client, _) = Self.client(.restJson1, [
            .success(AWSHTTPResponse(
                status: 400, headers: [.init("x-amzn-RequestId", "R1")],
                body: Array(#"{"__type":"Unmodelled","message":"why"}"#.utf8))),
            .success(AWSHTTPResponse(status: 502, body: Array("<html>Bad Gateway</html>".utf8))),
        ])
        let unmodelled = await thrownError { _ = try await client.send(client.restRequest("GET", path: "/"), operation: "Get") }
        #expect(unmodelled as? AWSServiceError == AWSServiceError(
            service: "Example", operation: "Get", status: 400, code: "Unmodelled", message: "why", requestID: "R1"))
        let foreign = try #require(
            await thrownError { _ = try await client.send(client.restRequest("GET", path: "/"), operation: "Get") }
                as? AWSServiceError)
        #expect(foreign.code == nil)
        #expect(foreign.status == 502)
        #expect(foreign.message.contains("<html>Bad Gateway</html>"))
    }

    @Test func aSuccessBodyThatIsNotTheOutputShapeSaysWhatCame() async throws {
        let (client, _) = Self.client(.awsJson1_0(targetPrefix: "E"), [ScriptedTransport.json(200, #"{"answer":"x"}"#)])
        let error = try #require(await thrownError { _ = try await client.jsonCall("DoThing", Input(), as: Output.self) } as? AWSServiceError)
        #expect(error.status == 200)
        #expect(error.message.contains("is not a valid Output"))
        #expect(error.message.contains(#"{"answer":"x"}"#))
    }
}
