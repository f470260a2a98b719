// swift-tools-version: 6.1
import PackageDescription

/// Module layout: SoswCore holds the logic and the ports; SoswSimulation the deterministic kernel and the
/// fakes; SoswReports the outputs of a simulated run (summaries, charts, the SQLite run store); SoswAWS the live
/// clients and runs; SoswServe the in-memory DynamoDB over HTTP; `sosw` the thin command line.
///
/// What a library user gets (measured with a package depending on this one by path and using SoswSimulation
/// only, Swift 6.3.1): SwiftPM resolves and checks out the whole graph (27 packages, the server and HTTP stacks
/// included), but builds only what the products used need: SoswCore, SoswSimulation and swift-log, Yams,
/// swift-crypto and swift-collections; nothing of NIO, AsyncHTTPClient, Hummingbird, GRDB or ArgumentParser.
/// Depending on a released version instead is refused while SoswCore and SoswSimulation carry the unsafe
/// cross-module-optimization flag below (SwiftPM refuses unsafe flags in versioned dependencies, with or
/// without a trait condition on them).
let package = Package(
    name: "sosw",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sosw", targets: ["sosw"]),
        .library(name: "SoswCore", targets: ["SoswCore"]),
        .library(name: "SoswSimulation", targets: ["SoswSimulation"]),
        .library(name: "SoswReports", targets: ["SoswReports"]),
        .library(name: "SoswAWS", targets: ["SoswAWS"]),
        .library(name: "SoswServe", targets: ["SoswServe"]),
        .library(name: "SoswTesting", targets: ["SoswTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "SoswCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: crossModuleOptimization
        ),
        .target(name: "CSoswRuntimeHooks"),
        .target(name: "CSoswAllocator"),
        .target(
            name: "SoswSimulation",
            dependencies: [
                "SoswCore",
                "CSoswRuntimeHooks",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: crossModuleOptimization
        ),
        .target(
            name: "SoswReports",
            dependencies: [
                "SoswCore",
                "SoswSimulation",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        /// What a regression test of sosw logic needs: a simulated deployment, test doubles of the AWS ports,
        /// table inspection and Swift Testing assertions. Imports Testing, so only test targets should use it.
        .target(
            name: "SoswTesting",
            dependencies: [
                "SoswCore",
                "SoswSimulation",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SoswAWS",
            dependencies: [
                "SoswCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "SoswServe",
            dependencies: [
                "SoswCore",
                "SoswSimulation",
                "SoswAWS",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "sosw",
            dependencies: [
                "SoswCore",
                "SoswSimulation",
                "SoswReports",
                "SoswAWS",
                "SoswServe",
                "CSoswAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "SoswCoreTests",
            dependencies: [
                "SoswCore", "SoswSimulation", "SoswTesting", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SoswSimulationTests",
            dependencies: [
                "SoswSimulation", "SoswAWS", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["DynamoDBBehaviour/KNOWN_DIFFERENCES.md"]
        ),
        .testTarget(
            name: "soswTests",
            dependencies: [
                "sosw", "SoswCore", "SoswSimulation", "SoswReports", "SoswAWS", "SoswServe",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SoswAWSTests",
            dependencies: [
                "SoswAWS", "SoswCore", "SoswSimulation", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
    ]
)

/// Release builds of the core and the simulation let other modules inline their code: the fakes spend much of
/// their time in `AttributeValue` and `DynamoNumber` operations of SoswCore, which without this are calls (and
/// value copies) across the module boundary. Measured on the DynamoDB fake's benchmark (medians of five
/// interleaved rounds): 16–28% more operations per second.
var crossModuleOptimization: [SwiftSetting] {
    [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
