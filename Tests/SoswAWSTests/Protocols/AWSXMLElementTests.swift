@testable import SoswAWS
import Testing

/// The XML reader on the documents awsQuery services send, and on the mistakes it must refuse with a position.
@Suite struct AWSXMLElementTests {
    static func parse(_ text: String) throws -> AWSXMLElement {
        try AWSXMLElement(parsing: Array(text.utf8))
    }

    @Test func readsAnAWSQueryResponseWithItsNamespaceAndDeclaration() throws {
        let document = try Self.parse("""
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
              <ResponseMetadata><RequestId>f187a3c1</RequestId></ResponseMetadata>
            </PublishResponse>
            """)
        #expect(document.name == "PublishResponse")
        #expect(document.children.map(\.name) == ["PublishResult", "ResponseMetadata"])
        #expect(document.child(at: ["PublishResult", "MessageId"])?.text == "94f20ce6-13c5-43a0-9a9e-ca52d816e90b")
        #expect(document.first(named: "RequestId")?.text == "f187a3c1")
        #expect(document.child("Missing") == nil)
    }

    @Test func resolvesEntitiesCharacterReferencesAndCDATA() throws {
        let document = try Self.parse(
            "<m a='1 > 0' b=\"x\">&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#233;&#x20AC;<![CDATA[<raw> & ]]></m>")
        #expect(document.text == #"<a> & "b" 'c' é€<raw> & "#)
    }

    @Test func dropsNamespacePrefixesAndReadsSelfClosingElements() throws {
        let document = try Self.parse("<ns:Root xmlns:ns='urn:x'><ns:Empty/><Item>1</Item><Item>2</Item></ns:Root>")
        #expect(document.name == "Root")
        #expect(document.children == [
            AWSXMLElement(name: "Empty"), AWSXMLElement(name: "Item", text: "1"), AWSXMLElement(name: "Item", text: "2"),
        ])
    }

    @Test func keepsMultiByteTextWhole() throws {
        #expect(try Self.parse("<m>naïve 東京 🚀</m>").text == "naïve 東京 🚀")
    }

    @Test(arguments: [
        ("<a><b></a>", "</a> closes <b>"),
        ("<a>", "the document ends inside <a>"),
        ("<a></a><b/>", "a second root element <b>"),
        ("text<a/>", "text outside the root element"),
        ("<a>&nbsp;</a>", "unknown entity reference &nbsp;"),
        ("<a>AT&T</a>", "'&' starts no entity reference"),
        ("<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", "a document type declaration"),
        ("<a b=c/>", "expected a quoted value for the attribute b of <a>"),
        ("", "the document has no element"),
        ("<a><!-- never closed </a>", "'-->' never comes"),
    ])
    func refusesMalformedDocumentsSayingWhy(document: String, problem: String) {
        let error = #expect(throws: AWSXMLParseError.self) { try Self.parse(document) }
        #expect(error?.problem.contains(problem) == true, "\(error?.description ?? "no error")")
    }

    @Test func refusesNestingDeeperThanTheLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth)
        }
        var element: AWSXMLElement? = try Self.parse(nested(AWSXMLParser.maxDepth))
        var levels = 0
        while let current = element {
            levels += 1
            element = current.children.first
        }
        #expect(levels == AWSXMLParser.maxDepth)
        let error = #expect(throws: AWSXMLParseError.self) { try Self.parse(nested(AWSXMLParser.maxDepth + 1)) }
        #expect(error?.problem.contains("nested deeper than \(AWSXMLParser.maxDepth)") == true)
    }
}
