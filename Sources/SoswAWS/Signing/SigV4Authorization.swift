/// The `Authorization` header of a SigV4 request:
/// `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date,
/// Signature=…`. Parsed by a server to learn whose key, which scope and which headers to check.
public struct SigV4Authorization: Sendable, Equatable {
    public var accessKeyID: String
    /// `YYYYMMDD`.
    public var scopeDate: String
    public var region: String
    public var service: String
    /// Lower-case names, in the order the header lists them (sorted, when a conforming client wrote it).
    public var signedHeaders: [String]
    public var signature: String

    public init(
        accessKeyID: String, scopeDate: String, region: String, service: String, signedHeaders: [String],
        signature: String
    ) {
        self.accessKeyID = accessKeyID
        self.scopeDate = scopeDate
        self.region = region
        self.service = service
        self.signedHeaders = signedHeaders
        self.signature = signature
    }

    public var credentialScope: String { "\(scopeDate)/\(region)/\(service)/aws4_request" }

    public var headerValue: String {
        "\(SigV4Signer.algorithm) Credential=\(accessKeyID)/\(credentialScope), "
            + "SignedHeaders=\(signedHeaders.joined(separator: ";")), Signature=\(signature)"
    }

    /// Reads a header value; the error says which part is missing or malformed and shows the expected form.
    public init(parsing value: String) throws(SigV4VerificationError) {
        let trimmed = SigV4Canonical.trimmedAndFolded(value)
        let prefix = SigV4Signer.algorithm + " "
        guard trimmed.hasPrefix(prefix) else {
            let algorithm = trimmed.split(separator: " ").first.map(String.init) ?? ""
            throw .malformedAuthorization(
                value: value,
                problem: "the algorithm is '\(algorithm)', expected '\(SigV4Signer.algorithm)' "
                    + "(only SigV4 is supported)")
        }
        var fields: [String: String] = [:]
        for part in trimmed.dropFirst(prefix.count).split(separator: ",") {
            let pair = SigV4Canonical.trimmedAndFolded(String(part))
            guard let equals = pair.firstIndex(of: "=") else {
                throw .malformedAuthorization(value: value, problem: "'\(pair)' is not of the form Name=value")
            }
            fields[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        for name in ["Credential", "SignedHeaders", "Signature"] where fields[name, default: ""].isEmpty {
            throw .malformedAuthorization(value: value, problem: "the \(name)= component is missing or empty")
        }
        let credential = fields["Credential", default: ""].split(separator: "/", omittingEmptySubsequences: false)
        guard credential.count == 5, credential[4] == "aws4_request", !credential[0].isEmpty,
            SigV4Timestamp.parse(amzDate: credential[1] + "T000000Z") != nil, !credential[2].isEmpty,
            !credential[3].isEmpty
        else {
            throw .malformedAuthorization(
                value: value,
                problem: "Credential='\(fields["Credential", default: ""])' is not "
                    + "<access key id>/<YYYYMMDD>/<region>/<service>/aws4_request")
        }
        let signature = fields["Signature", default: ""]
        guard signature.count == 64, signature.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else {
            throw .malformedAuthorization(
                value: value, problem: "Signature='\(signature)' is not 64 lower-case hex digits (a SHA-256 HMAC)")
        }
        self.init(
            accessKeyID: String(credential[0]), scopeDate: String(credential[1]), region: String(credential[2]),
            service: String(credential[3]),
            signedHeaders: fields["SignedHeaders", default: ""].split(separator: ";").map(String.init),
            signature: signature)
    }
}
