import Foundation
import SoswAWS
import Testing

@Suite struct SigV4AuthorizationTests {
    static let valid = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"

    @Test func parsesEveryPartAndFormatsBackTheSame() throws {
        let authorization = try SigV4Authorization(parsing: Self.valid)
        #expect(authorization.accessKeyID == "AKIDEXAMPLE")
        #expect(authorization.scopeDate == "20150830")
        #expect(authorization.region == "us-east-1")
        #expect(authorization.service == "service")
        #expect(authorization.signedHeaders == ["host", "x-amz-date"])
        #expect(authorization.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(authorization.headerValue == Self.valid)
    }

    @Test func toleratesMissingSpacesAfterCommas() throws {
        let compact = Self.valid.replacingOccurrences(of: ", ", with: ",")
        #expect(try SigV4Authorization(parsing: compact).headerValue == Self.valid)
    }

    static let zeros = String(repeating: "0", count: 64)

    @Test(arguments: [
        (
            "AWS4-HMAC-SHA1 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host, Signature=00",
            "the algorithm is 'AWS4-HMAC-SHA1'"
        ),
        (
            "AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, Signature=" + zeros,
            "SignedHeaders= component is missing"
        ),
        (
            "AWS4-HMAC-SHA256 Credential=a/2015-08-30/r/s/aws4_request, SignedHeaders=host, Signature=" + zeros,
            "<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request"
        ),
        (
            "AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, SignedHeaders=host, Signature=ABC",
            "not 64 lower-case hex digits"
        ),
        ("AWS4-HMAC-SHA256 Credential, SignedHeaders=host", "'Credential' is not of the form Name=value"),
    ])
    func malformedHeadersSayWhatIsWrong(value: String, problem: String) throws {
        let error = #expect(throws: SigV4VerificationError.self) { try SigV4Authorization(parsing: value) }
        #expect(error?.description.contains(problem) == true, "\(error?.description ?? "no error")")
        #expect(error?.awsErrorCode == "IncompleteSignatureException")
    }
}
