import SoswAWS
import SoswCore
import Testing

@Suite struct SigV4CanonicalTests {
    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        #expect(SigV4PercentEncoding.encode("AZaz09-_.~") == "AZaz09-_.~")
        #expect(SigV4PercentEncoding.encode("a b+c/d:e*f%") == "a%20b%2Bc%2Fd%3Ae%2Af%25")
        #expect(SigV4PercentEncoding.encode("ሴ") == "%E1%88%B4")
    }

    @Test func percentDecodingLeavesBrokenEscapesAlone() {
        #expect(SigV4PercentEncoding.decode("%E1%88%B4=a%2fb") == "ሴ=a/b")
        #expect(SigV4PercentEncoding.decode("100%") == "100%")
        #expect(SigV4PercentEncoding.decode("%zz%4") == "%zz%4")
        #expect(SigV4PercentEncoding.decode("a+b") == "a+b")
    }

    @Test func pathNormalisationRemovesDotAndEmptySegments() {
        #expect(SigV4Canonical.normalized(path: "//a/./b/../c/") == "/a/c/")
        #expect(SigV4Canonical.normalized(path: "/a/b/..") == "/a/")
        #expect(SigV4Canonical.normalized(path: "/../..") == "/")
        #expect(SigV4Canonical.normalized(path: "/a") == "/a")
    }

    @Test func pathIsEncodedAgainForNonS3AndLeftAloneForS3() {
        let wirePath = "/2015-03-31/functions/my%3Afn/invocations"
        #expect(SigV4Canonical.uri(path: wirePath, options: SigV4Options())
            == "/2015-03-31/functions/my%253Afn/invocations")
        #expect(SigV4Canonical.uri(path: wirePath, options: .s3) == wirePath)
        #expect(SigV4Canonical.uri(path: "", options: SigV4Options()) == "/")
    }

    @Test func querySortsByEncodedNameThenValue() {
        let query = SigV4Canonical.queryString([
            .init("b", "2"), .init("a", "z"), .init("a", "y"), .init("B", ""), .init("c d", "e/f"),
        ])
        #expect(query == "B=&a=y&a=z&b=2&c%20d=e%2Ff")
    }

    @Test func rawQueryParsesToDecodedItems() {
        #expect(SigV4Request.QueryItem.parse(rawQuery: "a=1&b=%E1%88%B4&c&&d=x=y") == [
            .init("a", "1"), .init("b", "ሴ"), .init("c", ""), .init("d", "x=y"),
        ])
    }

    @Test func headersAreLowercasedTrimmedFoldedAndJoined() {
        let lines = SigV4Canonical.headerLines([
            .init("X-B", "  two   words\t here "), .init("x-a", "1"), .init("X-A", "2"), .init("Host", "h"),
        ])
        #expect(lines.map(\.name) == ["host", "x-a", "x-b"])
        #expect(lines.map(\.value) == ["h", "1,2", "two words here"])
    }

    @Test func timestampsHaveTheSigV4Forms() throws {
        let time = try #require(UnixTime(iso8601: "2015-08-30T12:36:00.999Z"))
        #expect(SigV4Timestamp.amzDate(time) == "20150830T123600Z")
        #expect(SigV4Timestamp.scopeDate(time) == "20150830")
        #expect(SigV4Timestamp.parse(amzDate: "20150830T123600Z") == UnixTime(iso8601: "2015-08-30T12:36:00Z"))
        #expect(SigV4Timestamp.parse(amzDate: "20150230T123600Z") == nil)
        #expect(SigV4Timestamp.parse(amzDate: "2015-08-30T12:36:00Z") == nil)
        #expect(SigV4Timestamp.amzDate(UnixTime(seconds: -1)) == "19691231T235959Z")
    }

    @Test func signingWithoutHostIsRefusedWithTheFix() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            service: "dynamodb")
        let request = SigV4Request(method: "POST", path: "/", headers: [], payload: .bytes([]))
        let error = #expect(throws: SigV4SigningError.self) { try signer.sign(request, at: UnixTime(seconds: 0)) }
        #expect(error == .missingHostHeader(method: "POST", path: "/"))
        #expect(error?.description.contains("Add `Host:") == true)
    }

    @Test func resigningReplacesTheOldSigningHeaders() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: "token"),
            region: "us-east-1", service: "dynamodb")
        let request = SigV4Request(
            method: "POST", path: "/", headers: [.init("Host", "example.com")], payload: .bytes(Array("{}".utf8)))
        let first = try signer.sign(request, at: UnixTime(seconds: 1_767_578_400))
        let sent = first.apply(to: request)
        let retried = try signer.sign(sent, at: UnixTime(seconds: 1_767_578_460))
        #expect(retried.signedHeaders == "host;x-amz-date;x-amz-security-token")
        let resent = retried.apply(to: sent)
        #expect(resent.values(ofHeader: "authorization") == [retried.authorization])
        #expect(resent.values(ofHeader: "x-amz-date") == ["20260105T020100Z"])
        #expect(resent.values(ofHeader: "x-amz-security-token") == ["token"])
    }

    @Test func unsignedPayloadIsDeclaredInAHeader() throws {
        let signer = SigV4Signer(
            credentials: AWSCredentials(accessKeyID: "AKID", secretAccessKey: "secret"), region: "us-east-1",
            service: "lambda")
        let request = SigV4Request(method: "POST", path: "/", headers: [.init("Host", "h")], payload: .unsigned)
        let signed = try signer.sign(request, at: UnixTime(seconds: 0))
        #expect(signed.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(signed.headersToAdd.contains(.init("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")))
        #expect(signed.signedHeaders == "host;x-amz-content-sha256;x-amz-date")
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "s3cr3t", sessionToken: "t0k3n")
        #expect(credentials.description.contains("AKID"))
        #expect(!credentials.description.contains("s3cr3t"))
        #expect(!credentials.description.contains("t0k3n"))
    }
}
