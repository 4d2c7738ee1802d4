import DossierTestSupport
import Foundation
import Testing

/// `make install`, the Dockerfile that mirrors it, and the CI templates that install what it builds.
///
/// The layout is checked with the debug binary (`INSTALL_BINARY`), so the test stays fast; the release build
/// with the static Swift standard library is the same target's default.
@Suite struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func make(_ arguments: [String]) -> Command.Result {
        Command.run("/usr/bin/env", ["make", "--no-print-directory", "-C", Self.root] + arguments)
    }

    @Test func installPutsTheBinaryAndThreeShellCompletionsUnderPrefix() throws {
        let prefix = TemporaryDirectory("dossier-install")
        let result = make(["install", "PREFIX=\(prefix.path)/usr", "INSTALL_BINARY=\(Dossier.executable)"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let binary = prefix.path + "/usr/bin/dossier"
        #expect(FileManager.default.isExecutableFile(atPath: binary))
        let version = Command.run(binary, ["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("dossier "), "\(version.stdout)")
        for (file, marker) in [
            ("usr/share/bash-completion/completions/dossier", "complete -o filenames -F _dossier dossier"),
            ("usr/share/zsh/site-functions/_dossier", "#compdef dossier"),
            ("usr/share/fish/vendor_completions.d/dossier.fish", "complete -c 'dossier'"),
        ] {
            let text = try #require(prefix.read(file), "\(file) missing")
            #expect(text.contains(marker), "\(file)")
            #expect(text.contains("check") && text.contains("bundle"), "\(file) does not offer the subcommands")
        }
        // It names the run-time packages a machine needs.
        #expect(result.stdout.contains("libcmark-gfm0.29.0.gfm.6 libcmark-gfm-extensions0.29.0.gfm.6 libarchive13"))
    }

    @Test func theReleaseBuildLinksTheSwiftStandardLibraryStatically() {
        let dryRun = make(["-n", "release"])
        #expect(dryRun.stdout.contains("build -c release --product dossier --static-swift-stdlib"), "\(dryRun.stdout)")
        #expect(make(["-n", "install", "PREFIX=/tmp/x"]).stdout.contains("--static-swift-stdlib"))
    }

    @Test func theDockerfileRunsTheTestedMakeTargets() throws {
        let dockerfile = try String(contentsOfFile: Self.root + "/Dockerfile", encoding: .utf8)
        let runs = dockerfile.split(separator: "\n").filter { $0.hasPrefix("RUN ") }.map(String.init)
        #expect(runs.contains("RUN make deps"))
        #expect(runs.contains("RUN make install PREFIX=/opt/dossier"))
        let packages = make(["-s", "runtime-packages"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!packages.isEmpty)
        #expect(dockerfile.contains("ARG RUNTIME_PACKAGES=\"\(packages)\""), "Dockerfile and Makefile disagree")
        #expect(dockerfile.contains("COPY --from=build /opt/dossier/ /usr/local/"))
    }

    @Test func theCITemplatesPinThisVersionAndRunCheckTheWayTheREADMESays() throws {
        let version = Dossier.run(["--version"], in: "/").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let number = try #require(version.split(separator: " ").last.map(String.init))
        for name in ["github-actions.yml", "gitlab-ci.yml"] {
            let text = try String(contentsOfFile: Self.root + "/starter/ci/" + name, encoding: .utf8)
            #expect(text.contains("/dossier:\(number)"), "\(name) does not pin the image of dossier \(number)")
            #expect(!text.contains("swift build"), "\(name) builds Dossier instead of installing it")
            #expect(
                text.range(of: #"\bmain\b|\bmaster\b"#, options: .regularExpression) == nil,
                "\(name) assumes a branch name; use the repository's default branch")
            #expect(text.contains("DOSSIER_PUBLISH_PAGES"), "\(name) publishes the site without being asked")
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(lines.contains { $0.hasSuffix("dossier check") }, "\(name): no plain `dossier check`")
            #expect(lines.contains { $0.hasSuffix("dossier check --strict") }, "\(name): no `--strict` run")
        }
    }
}
