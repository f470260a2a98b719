// swift-tools-version: 6.1
import PackageDescription

/// libFuzzer targets, in a package of their own so that the main package's build never compiles them. Each
/// executable hands its test function to libFuzzer's driver; `scripts/fuzz` builds them with
/// `-sanitize=fuzzer,address` (without it they do not link) and runs them on their seed corpora.
let core = Target.Dependency.product(name: "SoswCore", package: "sosw")
let simulation = Target.Dependency.product(name: "SoswSimulation", package: "sosw")

let package = Package(
    name: "sosw-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sosw", path: ".."),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", core]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", core]),
        .executableTarget(name: "FuzzWorkerAssistant", dependencies: ["FuzzSupport", core]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", simulation]),
        .executableTarget(name: "FuzzExpressions", dependencies: ["FuzzSupport", core, simulation]),
        .executableTarget(
            name: "FuzzServe",
            dependencies: ["FuzzSupport", core, simulation, .product(name: "SoswServe", package: "sosw")]
        ),
    ]
)
