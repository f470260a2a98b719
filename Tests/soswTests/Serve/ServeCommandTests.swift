import Foundation
import SoswAWS
import Testing

/// `sosw serve` as a process: it says where it listens, on stdout at once, and answers there.
@Suite struct ServeCommandTests {
    @Test func printsItsPortAndAnswersThere() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SoswBinary.besideTests.path)
        process.arguments = ["serve", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        // The line arrives while the server keeps running, so it must have been flushed.
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            try #require(!chunk.isEmpty, "sosw serve exited before printing its port")
            received.append(chunk)
        }
        let line = String(decoding: received, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let prefix = "listening on http://127.0.0.1:"
        #expect(line.hasPrefix(prefix))
        let port = try #require(Int(line.dropFirst(prefix.count)))
        let response = try await AsyncHTTPClientTransport().send(AWSHTTPRequest(
            method: "POST", endpoint: AWSEndpoint(scheme: "http", host: "127.0.0.1", port: port),
            headers: [.init("X-Amz-Target", "DynamoDB_20120810.DescribeTable")],
            body: Array(#"{"TableName":"none"}"#.utf8)))
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self).contains("#ResourceNotFoundException"))
    }
}
