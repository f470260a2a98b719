import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether markup parses as XML, and the first error when it does not: the report's SVG (and the page
/// itself) must be well-formed for browsers, screen readers and any tool that reads it.
enum XMLWellFormedness {
    static func error(in markup: String) -> String? {
        let parser = XMLParser(data: Data(markup.utf8))
        return parser.parse() ? nil : "\(parser.parserError.map(String.init(describing:)) ?? "unknown error") at line \(parser.lineNumber)"
    }

    /// Every `<svg …>…</svg>` element of a page.
    static func svgElements(of page: String) -> [String] {
        var elements: [String] = []
        var rest = page[...]
        while let start = rest.range(of: "<svg "), let end = rest[start.lowerBound...].range(of: "</svg>") {
            elements.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return elements
    }
}
