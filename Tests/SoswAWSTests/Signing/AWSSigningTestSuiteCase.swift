import Foundation
import SoswAWS
import SoswCore
import Testing

/// One case of the AWS SigV4 test suite (aws-c-auth tests/aws-signing-test-suite/v4/<name>/), read from its
/// files: the request, the signing context, and the expected header-signing results.
struct AWSSigningTestSuiteCase {
    static let directory = "aws-signing-test-suite/v4"

    /// Every case checked in, by folder name, sorted.
    static let names: [String] = {
        let folder = TestResources.root.appendingPathComponent(directory)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return entries.filter { !$0.hasPrefix(".") }.sorted()
    }()

    let name: String
    let request: SigV4Request
    let signer: SigV4Signer
    let time: UnixTime
    let expectedCanonicalRequest: String
    let expectedStringToSign: String
    let expectedSignature: String
    let expectedAuthorization: String

    init(name: String) throws {
        self.name = name
        let folder = "\(Self.directory)/\(name)/"
        let context = try JSONValue(parsing: try TestResources.text(folder + "context.json"))
        let credentials = try #require(context["credentials"])
        let timestamp = try #require(context["timestamp"]?.stringValue)
        time = try #require(UnixTime(iso8601: timestamp))
        signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: try #require(credentials["access_key_id"]?.stringValue),
                secretAccessKey: try #require(credentials["secret_access_key"]?.stringValue),
                sessionToken: credentials["token"]?.stringValue),
            region: try #require(context["region"]?.stringValue),
            service: try #require(context["service"]?.stringValue),
            options: SigV4Options(
                doubleEncodePath: true,
                normalizePath: context["normalize"]?.boolValue ?? true,
                addContentSHA256Header: context["sign_body"]?.boolValue ?? false,
                signSessionToken: !(context["omit_session_token"]?.boolValue ?? false)))
        request = try Self.parseRequest(try TestResources.bytes(folder + "request.txt"))
        expectedCanonicalRequest = try TestResources.text(folder + "header-canonical-request.txt")
        expectedStringToSign = try TestResources.text(folder + "header-string-to-sign.txt")
        expectedSignature = try TestResources.text(folder + "header-signature.txt")
        let signedRequest = try TestResources.text(folder + "header-signed-request.txt")
        let authorizationLine = try #require(
            signedRequest.split(separator: "\n").first { $0.hasPrefix("Authorization:") })
        expectedAuthorization = String(authorizationLine.dropFirst("Authorization:".count))
    }

    /// Reads the suite's HTTP/1.1 text form: `METHOD PATH HTTP/1.1`, `Name:value` lines (a line starting with
    /// whitespace continues the previous value, RFC 7230 obs-fold), a blank line, then the body.
    static func parseRequest(_ bytes: [UInt8]) throws -> SigV4Request {
        let text = String(decoding: bytes, as: UTF8.self)
        let (head, body): (Substring, Substring) =
            if let blank = text.range(of: "\n\n") {
                (text[..<blank.lowerBound], text[blank.upperBound...])
            } else {
                (Substring(text), "")
            }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        let requestLine = try #require(lines.first)
        let method = try #require(requestLine.split(separator: " ").first)
        let target = requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count)
        let (path, rawQuery) =
            if let question = target.firstIndex(of: "?") {
                (String(target[..<question]), String(target[target.index(after: question)...]))
            } else {
                (String(target), "")
            }
        var headers: [SigV4Request.Header] = []
        for line in lines.dropFirst() where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                let last = try #require(headers.indices.last)
                headers[last].value += " " + line
            } else {
                let colon = try #require(line.firstIndex(of: ":"))
                headers.append(SigV4Request.Header(String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return SigV4Request(
            method: String(method), path: path, query: SigV4Request.QueryItem.parse(rawQuery: rawQuery),
            headers: headers, payload: .bytes(Array(body.utf8)))
    }
}
