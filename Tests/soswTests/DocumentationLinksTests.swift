import Foundation
import Testing

/// The README and `docs/` are the whole documentation a user gets from the repository, and they point at each
/// other and at source files that move: a relative link to a file that is gone is caught here, not by a reader.
@Suite("Documentation links")
struct DocumentationLinksTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `README.md` and every Markdown file under `docs/`, as paths from the repository's root.
    static var documents: [String] {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: repository.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    /// The targets of the inline links `[text](target)` of a Markdown text that name a file: neither a URL with
    /// a scheme nor an anchor in the same page. A `#fragment` is cut off.
    static func relativeLinkTargets(in markdown: String) -> [String] {
        markdown.matches(of: /\]\(([^)\s]+)\)/).compactMap { match in
            let target = String(match.output.1)
            guard !target.hasPrefix("#"), target.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.-]*:/) == nil else { return nil }
            return String(target.prefix { $0 != "#" })
        }
    }

    @Test("the README and docs/ exist, and docs/ has the pages the README links to")
    func documentsExist() {
        #expect(Self.documents.count >= 6, "expected README.md and the pages of docs/, found \(Self.documents)")
    }

    @Test("a link target is found with its fragment cut and URLs and anchors skipped")
    func targets() {
        let text = "[a](docs/cli.md#exit-status) [b](https://example.com/x.md) [c](#here) [d](../README.md) [e](mailto:x@y)"
        #expect(Self.relativeLinkTargets(in: text) == ["docs/cli.md", "../README.md"])
    }

    @Test("every relative link points to a file that exists", arguments: documents)
    func linksResolve(document: String) throws {
        let url = Self.repository.appendingPathComponent(document)
        let text = try String(contentsOf: url, encoding: .utf8)
        let base = url.deletingLastPathComponent()
        let broken = Self.relativeLinkTargets(in: text).filter { target in
            let path = base.appendingPathComponent(target.removingPercentEncoding ?? target).standardizedFileURL.path
            return !FileManager.default.fileExists(atPath: path)
        }
        #expect(broken.isEmpty, "\(document) links to files that do not exist: \(broken.joined(separator: ", ")); fix the links in \(document)")
    }
}
