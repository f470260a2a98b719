@testable import SoswAWS
import Testing

/// The shared files' INI dialect, as the AWS CLI writes and reads it.
@Suite struct INIFileTests {
    @Test func readsSectionsSettingsCommentsAndWhitespace() throws {
        let file = try INIFile(
            parsing: """
                # written by aws configure
                [default]
                aws_access_key_id=AKID
                  ; an indented comment
                Region =   eu-west-1  \t

                [ profile dev ]   # trailing comment
                role_arn = arn:aws:iam::123456789012:role/dev
                output = json # part of the value
                """,
            path: "/home/.aws/config")
        #expect(file.sections.map(\.header) == ["default", "profile dev"])
        #expect(file.sections[0].settings == [
            .init(name: "aws_access_key_id", value: "AKID"), .init(name: "region", value: "eu-west-1"),
        ])
        #expect(file.sections[1].settings.last == .init(name: "output", value: "json # part of the value"))
    }

    @Test func nestedSubSettingsStayInTheirParentsValue() throws {
        let file = try INIFile(
            parsing: "[default]\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\nregion = us-east-1\n",
            path: "config")
        #expect(file.sections[0].settings == [
            .init(name: "s3", value: "\nmax_concurrent_requests = 20\naddressing_style = path"),
            .init(name: "region", value: "us-east-1"),
        ])
    }

    @Test func windowsLineEndingsAreLineEndings() throws {
        let file = try INIFile(parsing: "[default]\r\nregion = us-east-1\r\n", path: "config")
        #expect(file.sections[0].settings == [.init(name: "region", value: "us-east-1")])
    }

    @Test(arguments: [
        ("[default]\nregion us-east-1", 2, "a setting without ="),
        ("region = us-east-1", 1, "a setting before the first [section]"),
        ("[default\nregion = x", 1, "a section header without ]"),
        ("[default]\n= x", 2, "a setting with no name before ="),
        ("[]", 1, "a section header with no name"),
        ("[default] extra", 1, "text after a section header's ]"),
    ])
    func aBrokenLineIsNamedByNumber(text: String, line: Int, problem: String) {
        let error = #expect(throws: AWSConfigurationError.self) { try INIFile(parsing: text, path: "/h/config") }
        #expect(error == .invalidFile(path: "/h/config", line: line, problem: problem))
        #expect(error?.description.hasPrefix("/h/config:\(line): \(problem)") == true)
    }
}
