import SoswAWS

/// A request as it goes on the wire, in a form a test can write out and compare whole: method, path, query
/// (`name=value`, decoded), headers (`Name: value`, in order) and the body as text.
struct WireForm: Equatable, CustomStringConvertible {
    var method: String
    var path: String
    var query: [String]
    var headers: [String]
    var body: String

    init(method: String, path: String, query: [String] = [], headers: [String] = [], body: String = "") {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    init(_ request: AWSHTTPRequest) {
        self.init(
            method: request.method, path: request.wirePath, query: request.query.map { "\($0.name)=\($0.value)" },
            headers: request.headers.map { "\($0.name): \($0.value)" }, body: String(decoding: request.body, as: UTF8.self))
    }

    var description: String {
        "\(method) \(path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&")) + "\n"
            + headers.map { $0 + "\n" }.joined() + "\n" + body
    }
}
