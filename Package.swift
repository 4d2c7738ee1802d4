// swift-tools-version: 6.0
import PackageDescription

/// Dossier: SOC 2 readiness kept as code.
///
/// Dependencies point one way: `dossier` → `DossierCommands` → engine (`DossierCore`, `DossierSite`,
/// `DossierBundle`) → wrappers (`DossierYAML`, `DossierMarkdown`, `DossierArchive`) → system libraries.
let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: - System libraries (Debian: libyaml-dev, libarchive-dev, libcmark-gfm-dev, libcmark-gfm-extensions-dev)
        .systemLibrary(
            name: "CYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // MARK: - Wrappers: each owns one C library's handles; no C type crosses a public signature
        .target(name: "DossierYAML", dependencies: ["CYAML"]),
        .target(name: "DossierMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "DossierArchive", dependencies: ["CArchive"]),

        // MARK: - Engine
        .target(
            name: "DossierCore",
            dependencies: [
                "DossierYAML", "DossierMarkdown",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "DossierSite", dependencies: ["DossierCore", "DossierMarkdown"]),
        .target(
            name: "DossierBundle",
            dependencies: [
                "DossierCore", "DossierArchive",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // MARK: - Command line
        .target(
            name: "DossierCommands",
            dependencies: [
                "DossierCore", "DossierSite", "DossierBundle",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "dossier", dependencies: ["DossierCommands"]),

        // MARK: - Tests
        .target(name: "DossierTestSupport", path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierYAMLTests", dependencies: ["DossierYAML"]),
        .testTarget(name: "DossierMarkdownTests", dependencies: ["DossierMarkdown"]),
        .testTarget(name: "DossierArchiveTests", dependencies: ["DossierArchive"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport"]),
        // swift-mustache, which the built-in templates were first written for, renders every page beside
        // Dossier's own engine in a test that requires identical bytes.
        .testTarget(
            name: "DossierSiteTests",
            dependencies: [
                "DossierSite", "DossierTestSupport", .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "DossierBundleTests", dependencies: ["DossierBundle", "DossierArchive", "DossierTestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "DossierArchive", "DossierTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
