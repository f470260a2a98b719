// swift-tools-version: 6.1
import PackageDescription

/// A user's regression tests of sosw logic, kept in their own package that depends on this checkout.
///
/// SwiftPM names a package reached by `path:` after the folder it is in, not after the `name:` in its
/// manifest: this checkout is `sosw-swift`, `sosw-fork` or whatever it was cloned as. The last folder of
/// `../..` is therefore that package's identity, which `.product(name:package:)` must use. A package that
/// depends on sosw from git gets the last part of the URL instead (`https://…/sosw-swift.git` → `sosw-swift`).
let soswIdentity = Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init) ?? "sosw"

let package = Package(
    name: "RegressionTests",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
    ],
    targets: [
        .testTarget(
            name: "RegressionTests",
            dependencies: [
                .product(name: "SoswCore", package: soswIdentity),
                .product(name: "SoswSimulation", package: soswIdentity),
                .product(name: "SoswTesting", package: soswIdentity),
            ]
        ),
    ]
)
