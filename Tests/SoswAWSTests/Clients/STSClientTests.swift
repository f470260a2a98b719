import SoswAWS
import SoswCore
import SoswSimulation
import Testing

/// The STS client against a scripted transport: the two role calls, their credentials with the expiry, and the
/// web identity call going unsigned.
@Suite struct STSClientTests {
    static let role = "arn:aws:iam::123456789012:role/sosw-orchestrator"

    static func credentialsResponse(_ action: String) -> Result<AWSHTTPResponse, HTTPTransportError> {
        ScriptedTransport.xml(200, """
            <\(action)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <\(action)Result>
                <Credentials>
                  <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>
                  <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                  <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764</SessionToken>
                  <Expiration>2026-01-05T03:00:00.250Z</Expiration>
                </Credentials>
                <AssumedRoleUser><AssumedRoleId>AROA3XFRBF535PLBIFPI4:sosw</AssumedRoleId></AssumedRoleUser>
              </\(action)Result>
              <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
            </\(action)Response>
            """)
    }

    static let expected = AWSCredentials(
        accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
        sessionToken: "AQoDYXdzEPT//////////wEXAMPLEtc764",
        expiration: UnixTime(seconds: 1_767_582_000) + .milliseconds(250))

    @Test func assumeRoleSendsItsParametersSignedAndReadsTheCredentials() async throws {
        let (client, transport) = ScriptedClient.make(STSClient.self, [Self.credentialsResponse("AssumeRole")])
        let credentials = try await client.assumeRole(
            roleARN: Self.role, sessionName: "sosw-run", externalID: "ext-1", durationSeconds: 900)
        #expect(credentials == Self.expected)
        #expect(ScriptedClient.onlyRequest(of: transport) == WireForm(
            method: "POST", path: "/", headers: ["Content-Type: application/x-www-form-urlencoded; charset=utf-8"],
            body: "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fsosw-orchestrator"
                + "&RoleSessionName=sosw-run&ExternalId=ext-1&DurationSeconds=900"))
        #expect(transport.sent.first?.request.isUnsigned == false)
    }

    @Test func assumeRoleWithWebIdentityGoesUnsigned() async throws {
        let (client, transport) = ScriptedClient.make(STSClient.self, [Self.credentialsResponse("AssumeRoleWithWebIdentity")])
        let credentials = try await client.assumeRoleWithWebIdentity(
            roleARN: Self.role, sessionName: "sosw-run", webIdentityToken: "eyJraWQi.payload.sig", durationSeconds: nil)
        #expect(credentials == Self.expected)
        let sent = try #require(transport.sent.first?.request)
        #expect(sent.isUnsigned)
        #expect(WireForm(sent).body
            == "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fsosw-orchestrator"
            + "&RoleSessionName=sosw-run&WebIdentityToken=eyJraWQi.payload.sig")
    }

    @Test func aRefusalIsAServiceErrorWithTheCode() async {
        let (client, _) = ScriptedClient.make(STSClient.self, [
            ScriptedTransport.xml(403, """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>\
                <Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error>\
                <RequestId>r9</RequestId></ErrorResponse>
                """)
        ])
        let error = await thrownError {
            _ = try await client.assumeRole(roleARN: Self.role, sessionName: "s1", externalID: nil, durationSeconds: nil)
        }
        #expect(error as? AWSServiceError == AWSServiceError(
            service: "STS", operation: "AssumeRole", status: 403, code: "AccessDenied",
            message: "User is not authorized to perform: sts:AssumeRole", requestID: "r9"))
    }

    @Test func anUnreadableExpirationIsAMalformedResponse() async throws {
        let (client, _) = ScriptedClient.make(STSClient.self, [
            ScriptedTransport.xml(200, """
                <AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>A</AccessKeyId>\
                <SecretAccessKey>S</SecretAccessKey><SessionToken>T</SessionToken><Expiration>tomorrow</Expiration>\
                </Credentials></AssumeRoleResult></AssumeRoleResponse>
                """)
        ])
        let error = try #require(await thrownError {
            _ = try await client.assumeRole(roleARN: Self.role, sessionName: "s1", externalID: nil, durationSeconds: nil)
        } as? AWSServiceError)
        #expect(error.message.contains("Expiration 'tomorrow' is not an ISO 8601 UTC time"))
    }

    @Test func theFactoryMakesRegionalClientsThatNeedNoSourceForWebIdentity() async throws {
        let transport = ScriptedTransport(
            [Self.credentialsResponse("AssumeRoleWithWebIdentity")], wallClock: SimClock(executor: SimExecutor()))
        let make = try STSClient.factory(environment: [:], transport: transport)
        let sts = try #require(make(nil, "eu-central-1") as? STSClient)
        #expect(sts.client.endpoint == AWSEndpoint(scheme: "https", host: "sts.eu-central-1.amazonaws.com"))
        let credentials = try await sts.assumeRoleWithWebIdentity(
            roleARN: Self.role, sessionName: "sosw-run", webIdentityToken: "token", durationSeconds: nil)
        #expect(credentials == Self.expected)
        #expect(transport.sent.first?.request.header("Authorization") == nil)

        let refused = await thrownError {
            _ = try await sts.assumeRole(roleARN: Self.role, sessionName: "sosw-run", externalID: nil, durationSeconds: nil)
        }
        #expect((refused as? AWSCredentialsError)?.isUnavailable == true, "\(String(describing: refused))")
        #expect(transport.sent.count == 1)
    }

    @Test func theFactoryReadsTheEndpointVariablesAtOnce() throws {
        let make = try STSClient.factory(environment: ["AWS_ENDPOINT_URL_STS": "http://127.0.0.1:4566"])
        #expect((make(nil, "us-west-2") as? STSClient)?.client.endpoint == AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 4566))
        #expect(throws: AWSConfigurationError.self) {
            _ = try STSClient.factory(environment: ["AWS_ENDPOINT_URL_STS": "127.0.0.1:4566"])
        }
    }
}
