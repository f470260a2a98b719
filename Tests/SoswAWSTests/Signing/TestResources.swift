import Foundation

/// The files checked in under Tests/SoswAWSTests/Resources (copied into the test bundle).
enum TestResources {
    static let root: URL = {
        guard let url = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            fatalError("The SoswAWSTests bundle has no Resources folder; check resources: [.copy(\"Resources\")]")
        }
        return url
    }()

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func text(_ relativePath: String) throws -> String {
        String(decoding: try bytes(relativePath), as: UTF8.self)
    }
}
