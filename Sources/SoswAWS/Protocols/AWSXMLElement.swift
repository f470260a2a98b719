/// An element of an XML document, as the awsQuery protocol's responses need it: the local name (a namespace
/// prefix dropped), the child elements in document order, and the text directly inside (entities and CDATA
/// resolved). Attributes are read past and not kept: awsQuery carries every value in an element.
///
/// Hand-written instead of Foundation's `XMLParser`: on Linux that lives in FoundationXML, which links
/// `libxml2.so.2` dynamically even into a `--static-swift-stdlib` binary, and the Lambda `provided.al2023`
/// runtime the binary deploys to does not ship it.
public struct AWSXMLElement: Sendable, Equatable {
    public var name: String
    public var text: String
    public var children: [AWSXMLElement]

    public init(name: String, text: String = "", children: [AWSXMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// Parses a whole document (UTF-8) into its root element.
    public init(parsing document: [UInt8]) throws(AWSXMLParseError) {
        self = try AWSXMLParser.parse(document)
    }

    /// The first child named `name`.
    public func child(_ name: String) -> AWSXMLElement? {
        children.first { $0.name == name }
    }

    /// The element reached by following child names from this one: `root.child(at: ["A", "B"])` is `<A><B>`.
    public func child(at path: [String]) -> AWSXMLElement? {
        var element = self
        for name in path {
            guard let next = element.child(name) else { return nil }
            element = next
        }
        return element
    }

    /// The text of the child named `name`, when there is one.
    public func text(of name: String) -> String? {
        child(name)?.text
    }

    /// This element or the first descendant named `name`, depth first in document order.
    public func first(named name: String) -> AWSXMLElement? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }
}
