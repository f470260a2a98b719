import SoswAWS
import SoswCore
import Testing

/// The server side: what `sosw serve --check-signatures` accepts and how it explains a rejection.
@Suite struct SigV4VerifierTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDSOSW", secretAccessKey: "secret/key+1")
    static let signingTime = UnixTime(seconds: 1_767_578_400)
    static let body = Array(#"{"TableName":"sosw_tasks"}"#.utf8)

    static func request(body: [UInt8] = body) -> SigV4Request {
        SigV4Request(
            method: "POST", path: "/",
            headers: [
                .init("Host", "127.0.0.1:8000"), .init("Content-Type", "application/x-amz-json-1.0"),
                .init("X-Amz-Target", "DynamoDB_20120810.Scan"), .init("User-Agent", "test"),
            ],
            payload: .bytes(body))
    }

    static func signed(
        _ request: SigV4Request = request(), credentials: AWSCredentials = credentials, at time: UnixTime = signingTime
    ) throws -> SigV4Request {
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "dynamodb")
        return try signer.sign(request, at: time).apply(to: request)
    }

    static let verifier = SigV4Verifier(credentials: [credentials], expectedService: "dynamodb")

    static func rejection(_ request: SigV4Request, now: UnixTime = signingTime) -> SigV4VerificationError? {
        #expect(throws: SigV4VerificationError.self) { try verifier.verify(request, now: now) }
    }

    @Test func acceptsAGoodSignatureAndReturnsTheScope() throws {
        let authorization = try Self.verifier.verify(try Self.signed(), now: Self.signingTime + .seconds(60))
        #expect(authorization.accessKeyID == "AKIDSOSW")
        #expect(authorization.region == "us-east-1")
    }

    @Test func anUnsignedHeaderMayChangeInTransit() throws {
        var request = try Self.signed()
        request.headers[3] = .init("User-Agent", "a proxy rewrote this")
        #expect(try Self.verifier.verify(request, now: Self.signingTime).accessKeyID == "AKIDSOSW")
    }

    @Test func aTamperedBodyIsASignatureMismatchShowingTheExpectedCanonicalRequest() throws {
        var request = try Self.signed()
        request.payload = .bytes(Array(#"{"TableName":"other"}"#.utf8))
        let error = try #require(Self.rejection(request))
        guard case .signatureMismatch(let canonicalRequest, let stringToSign) = error else {
            Issue.record("expected signatureMismatch, got \(error)")
            return
        }
        #expect(canonicalRequest.hasPrefix(
            "POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:127.0.0.1:8000\n"))
        #expect(stringToSign.hasPrefix(
            "AWS4-HMAC-SHA256\n20260105T020000Z\n20260105/us-east-1/dynamodb/aws4_request\n"))
        #expect(error.awsErrorCode == "InvalidSignatureException")
        #expect(error.description.contains("Check your AWS Secret Access Key"))
    }

    @Test func aWrongSecretIsASignatureMismatch() throws {
        let wrong = AWSCredentials(accessKeyID: "AKIDSOSW", secretAccessKey: "not the secret")
        let error = try #require(Self.rejection(try Self.signed(credentials: wrong)))
        #expect(error.awsErrorCode == "InvalidSignatureException")
    }

    @Test func anUnknownKeyIsNamedWithTheKnownOnes() throws {
        let stranger = AWSCredentials(accessKeyID: "AKIDSTRANGER", secretAccessKey: "x")
        let error = try #require(Self.rejection(try Self.signed(credentials: stranger)))
        #expect(error == .unknownAccessKey(accessKeyID: "AKIDSTRANGER", known: ["AKIDSOSW"]))
        #expect(error.awsErrorCode == "UnrecognizedClientException")
        #expect(error.description.contains("AWS_ACCESS_KEY_ID"))
    }

    @Test func aMissingAuthorizationHeaderSaysHowToSign() {
        let error = Self.rejection(Self.request())
        #expect(error == .missingAuthorization)
        #expect(error?.awsErrorCode == "MissingAuthenticationTokenException")
    }

    @Test func aClockSkewBeyondFifteenMinutesIsRejected() throws {
        let request = try Self.signed()
        #expect(try Self.verifier.verify(request, now: Self.signingTime - .seconds(900)).accessKeyID == "AKIDSOSW")
        let error = Self.rejection(request, now: Self.signingTime + .seconds(901))
        #expect(error == .requestTimeTooSkewed(
            amzDate: "20260105T020000Z", serverTime: "20260105T021501Z", allowedSkewSeconds: 900))
    }

    @Test func theScopeMustNameTheExpectedService() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "lambda")
        let request = try signer.sign(Self.request(), at: Self.signingTime).apply(to: Self.request())
        #expect(Self.rejection(request) == .unexpectedService(service: "lambda", expected: "dynamodb"))
    }

    @Test func aSignedHeaderThatWentMissingIsNamed() throws {
        var request = try Self.signed()
        request.headers.removeAll { $0.name == "X-Amz-Target" }
        #expect(Self.rejection(request) == .signedHeaderMissing(name: "x-amz-target"))
    }

    @Test func theDateHeaderMustBePresentWellFormedAndMatchTheScope() throws {
        var request = try Self.signed()
        request.headers.removeAll { $0.name == "X-Amz-Date" }
        #expect(Self.rejection(request) == .missingDate)
        request.headers.append(.init("X-Amz-Date", "2026-01-05T02:00:00Z"))
        #expect(Self.rejection(request) == .malformedDate(value: "2026-01-05T02:00:00Z"))
        request.headers[request.headers.count - 1] = .init("X-Amz-Date", "20260106T020000Z")
        #expect(Self.rejection(request, now: UnixTime(seconds: 1_767_664_800))
            == .scopeDateMismatch(scopeDate: "20260105", amzDate: "20260106T020000Z"))
    }

    @Test func temporaryCredentialsNeedTheirToken() throws {
        let temporary = AWSCredentials(accessKeyID: "ASIATEMP", secretAccessKey: "s", sessionToken: "token-1")
        let verifier = SigV4Verifier(credentials: [temporary])
        let good = try Self.signed(credentials: temporary)
        #expect(try verifier.verify(good, now: Self.signingTime).accessKeyID == "ASIATEMP")
        let withoutToken = AWSCredentials(accessKeyID: "ASIATEMP", secretAccessKey: "s")
        let error = #expect(throws: SigV4VerificationError.self) {
            try verifier.verify(try Self.signed(credentials: withoutToken), now: Self.signingTime)
        }
        #expect(error == .sessionTokenMismatch(accessKeyID: "ASIATEMP"))
    }

    @Test func aDeclaredPayloadHashMustMatchTheBody() throws {
        let signer = SigV4Signer(
            credentials: Self.credentials, region: "us-east-1", service: "dynamodb",
            options: SigV4Options(addContentSHA256Header: true))
        var request = try signer.sign(Self.request(), at: Self.signingTime).apply(to: Self.request())
        #expect(try Self.verifier.verify(request, now: Self.signingTime).accessKeyID == "AKIDSOSW")
        request.payload = .bytes(Array("changed".utf8))
        guard case .payloadHashMismatch = try #require(Self.rejection(request)) else {
            Issue.record("expected payloadHashMismatch")
            return
        }
    }

    @Test func anUnsignedPayloadVerifiesWhateverTheBody() throws {
        var unsigned = Self.request()
        unsigned.payload = .unsigned
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "dynamodb")
        var received = try signer.sign(unsigned, at: Self.signingTime).apply(to: unsigned)
        received.payload = .bytes(Self.body)
        #expect(try Self.verifier.verify(received, now: Self.signingTime).accessKeyID == "AKIDSOSW")
    }
}
