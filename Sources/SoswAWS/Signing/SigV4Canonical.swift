/// The canonical forms of SigV4 ("Create a canonical request" in the AWS IAM user guide). Shared by the signer
/// and the verifier so both sides of `sosw serve` agree byte for byte.
public enum SigV4Canonical {
    /// Headers never signed: hop-by-hop headers a proxy may rewrite, and those SDKs leave out because they
    /// change between retries (botocore's list, plus the Authorization header itself).
    public static let unsignedHeaderNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The canonical request and the `SignedHeaders` list it commits to. Every header given is signed: the
    /// caller has already chosen them.
    public static func request(
        method: String, path: String, query: [SigV4Request.QueryItem], headers: [SigV4Request.Header],
        payloadHash: String, options: SigV4Options
    ) -> (canonicalRequest: String, signedHeaders: String) {
        let canonicalHeaders = headerLines(headers)
        let signedHeaders = canonicalHeaders.map(\.name).joined(separator: ";")
        let lines = [
            method.uppercased(),
            uri(path: path, options: options),
            queryString(query),
            canonicalHeaders.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            payloadHash,
        ]
        return (lines.joined(separator: "\n"), signedHeaders)
    }

    /// The canonical URI: the wire path, normalised when asked, each segment encoded again when asked.
    public static func uri(path: String, options: SigV4Options) -> String {
        var canonical = path.isEmpty ? "/" : path
        if options.normalizePath { canonical = normalized(path: canonical) }
        guard options.doubleEncodePath else { return canonical }
        return canonical.split(separator: "/", omittingEmptySubsequences: false)
            .map { SigV4PercentEncoding.encode(String($0)) }
            .joined(separator: "/")
    }

    /// RFC 3986 dot-segment removal plus collapsing empty segments: `//a/./b/../c/` → `/a/c/`. A trailing
    /// slash survives, as does one left by a final `.` or `..`, except where the result is the root.
    public static func normalized(path: String) -> String {
        var kept: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..": if !kept.isEmpty { kept.removeLast() }
            default: kept.append(segment)
            }
        }
        let last = segments.last ?? ""
        let endsAsDirectory = last.isEmpty || last == "." || last == ".."
        guard !kept.isEmpty else { return "/" }
        return "/" + kept.joined(separator: "/") + (endsAsDirectory ? "/" : "")
    }

    /// Names and values encoded with ``SigV4PercentEncoding``, sorted by encoded name then encoded value (byte
    /// order), joined with `&`; a missing value still gets its `=`.
    public static func queryString(_ items: [SigV4Request.QueryItem]) -> String {
        items.map { (name: SigV4PercentEncoding.encode($0.name), value: SigV4PercentEncoding.encode($0.value)) }
            .sorted { left, right in
                left.name != right.name
                    ? left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
                    : left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// One line per distinct lower-cased name, sorted by name; values trimmed, runs of whitespace folded to one
    /// space, and repeated headers joined with `,` in the order they were sent.
    public static func headerLines(_ headers: [SigV4Request.Header]) -> [(name: String, value: String)] {
        var valuesByName: [String: [String]] = [:]
        for header in headers {
            valuesByName[lowercased(header.name), default: []].append(trimmedAndFolded(header.value))
        }
        return valuesByName.keys
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { name in (name, valuesByName[name, default: []].joined(separator: ",")) }
    }

    /// SigV4's "Trimall": leading and trailing whitespace removed, inner runs of spaces, tabs and line breaks
    /// (a folded multi-line header) replaced by one space.
    public static func trimmedAndFolded(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" })
            .joined(separator: " ")
    }

    /// ASCII lower-casing: header names are ASCII tokens, and locale rules must not touch them.
    public static func lowercased(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }
}
