// swift-tools-version: 6.0
import PackageDescription

/// Dossier: SOC 2 readiness kept as code.
///
/// Dependencies point one way: `dossier` → `DossierCommands` → use cases (`DossierScaffold`, `DossierSite`,
/// `DossierBundle`) → `DossierCore` (the engine) → `DossierGit` and the wrappers (`DossierYAML`,
/// `DossierMarkdown`, `DossierArchive`) → outside programs and system libraries. docs/architecture.md draws it.
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

        // The one primitive every hand-off between threads goes through.
        .target(name: "DossierConcurrency"),

        // git is the fourth outside program: one module runs it, parses its answers and owns every file under
        // .git/dossier, with the descriptor-level file access (SafeFile) that every reader goes through.
        .target(name: "DossierGit", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),

        // MARK: - Engine
        .target(
            name: "DossierCore",
            dependencies: [
                "DossierGit", "DossierConcurrency", "DossierYAML", "DossierMarkdown",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // MARK: - Use cases: each turns an assessment (or a folder) into files
        .target(name: "DossierScaffold", dependencies: ["DossierCore", "DossierGit", "DossierYAML"]),
        .target(
            name: "DossierSite", dependencies: ["DossierCore", "DossierConcurrency", "DossierGit", "DossierMarkdown"]),
        .target(
            name: "DossierBundle",
            dependencies: [
                "DossierCore", "DossierConcurrency", "DossierGit", "DossierSite", "DossierArchive",
                .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // `dossier collect`: runs the collectors written in the control map and commits what they gather.
        .target(
            name: "DossierCollect",
            dependencies: [
                "DossierCore", "DossierConcurrency", "DossierGit", .product(name: "Crypto", package: "swift-crypto"),
            ]),

        // MARK: - Command line
        .target(
            name: "DossierCommands",
            dependencies: [
                "DossierCore", "DossierGit", "DossierScaffold", "DossierSite", "DossierBundle", "DossierCollect",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "dossier", dependencies: ["DossierCommands"]),

        // MARK: - Fuzzing (docs/fuzzing.md)
        // The harnesses are ordinary code: the ordinary build replays the committed corpus through them
        // (`make test`); `make fuzz` builds the same driver with `-sanitize=fuzzer,address` under .build-fuzz.
        .target(
            name: "DossierFuzzTargets",
            dependencies: [
                "DossierCore", "DossierGit", "DossierMarkdown", "DossierBundle", "DossierArchive", "DossierScaffold",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Fuzz/Targets"),
        .executableTarget(name: "dossier-fuzz", dependencies: ["DossierFuzzTargets"], path: "Fuzz/Driver"),

        // MARK: - Tests
        .target(name: "DossierTestSupport", path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierYAMLTests", dependencies: ["DossierYAML"]),
        .testTarget(name: "DossierMarkdownTests", dependencies: ["DossierMarkdown"]),
        .testTarget(name: "DossierArchiveTests", dependencies: ["DossierArchive"]),
        .testTarget(name: "DossierConcurrencyTests", dependencies: ["DossierConcurrency"]),
        .testTarget(name: "DossierGitTests", dependencies: ["DossierGit", "DossierTestSupport"]),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierGit", "DossierTestSupport"]),
        .testTarget(
            name: "DossierScaffoldTests", dependencies: ["DossierScaffold", "DossierCore", "DossierTestSupport"]),
        // swift-mustache, which the built-in templates were first written for, renders every page beside
        // Dossier's own engine in a test that requires identical bytes.
        .testTarget(
            name: "DossierSiteTests",
            dependencies: [
                "DossierSite", "DossierCore", "DossierGit", "DossierTestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .testTarget(
            name: "DossierBundleTests",
            dependencies: ["DossierBundle", "DossierCore", "DossierGit", "DossierArchive", "DossierTestSupport"]),
        .testTarget(
            name: "DossierCollectTests",
            dependencies: ["DossierCollect", "DossierCore", "DossierGit", "DossierTestSupport"]),
        .testTarget(name: "DossierCLITests", dependencies: ["dossier", "DossierArchive", "DossierTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
