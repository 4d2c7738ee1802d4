import DossierTestSupport
import Foundation
import Testing

/// `dossier init` end to end: the written workspace is valid, 0% ready, and nothing is ever overwritten.
@Suite struct InitCommandTests {
    func json(_ result: Command.Result) throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any],
            "\(result.stdout)\(result.stderr)")
    }

    /// Runs `dossier check --json` and returns readiness, diagnostics and scope.
    func isPlaceholder(_ diagnostic: [String: Any]) -> Bool {
        let message = diagnostic["message"] as? String ?? ""
        let file = diagnostic["file"] as? String ?? ""
        return diagnostic["severity"] as? String == "warning"
            && (file.hasPrefix("narratives/") || file == "controls.yaml" || file == "risks.yaml"
                || file == "vendors.yaml" || file.hasPrefix("policies/"))
            && [
                "`TODO` placeholder", "is a placeholder address", "empty front matter",
                "owned by placeholder addresses",
            ].contains { message.contains($0) }
    }

    func check(_ path: String) throws -> (
        readiness: [String: Any], diagnostics: [[String: Any]], scope: [String], controls: Int
    ) {
        let result = Dossier.run(["check", "--json"], in: path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let doc = try json(result)
        // The starter narratives' placeholders are warned about on purpose (StarterPlaceholderTests); nothing else.
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]]).filter { !isPlaceholder($0) }
        return (
            try #require(doc["readiness"] as? [String: Any]), diagnostics,
            try #require(doc["scope"] as? [String]), try #require(doc["controls"] as? [[String: Any]]).count
        )
    }

    @Test func freshWorkspaceIsValidAndZeroPercentReady() throws {
        let temp = TemporaryDirectory()
        let result = Dossier.run(["init", "acme"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Created a SOC 2 workspace for acme (acme Platform) in acme"))
        #expect(result.stdout.contains("Initialised a git repository."))
        #expect(result.stdout.contains("Next steps:") && result.stdout.contains("git add -A && git commit"))
        for path in [
            "acme/controls.yaml", "acme/.gitignore", "acme/ci/github-actions.yml", "acme/ci/gitlab-ci.yml",
            "acme/narratives/access.md", "acme/evidence/access/AC-001/README.md", "acme/.git",
        ] {
            #expect(temp.exists(path), "\(path)")
        }
        let ws = temp.path + "/acme"
        let (readiness, diagnostics, scope, controls) = try check(ws)
        #expect(readiness["percent"] as? Double == 0 && readiness["covered"] as? Int == 0)
        #expect(readiness["applicable"] as? Int == 38)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(scope == ["security", "availability", "confidentiality"])
        #expect((60...90).contains(controls))

        let text = Dossier.run(["check"], in: ws)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Readiness  0.0%"))
        #expect(text.stdout.contains("To do") && text.stdout.contains("Implement planned controls (\(controls))"))
        #expect(Dossier.run(["check", "--strict"], in: ws).status == 1)
        let site = Dossier.run(["build"], in: ws)
        let warnings = site.stderr.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(
            site.status == 0
                && warnings.allSatisfy {
                    ["narratives/", "controls.yaml", "risks.yaml", "vendors.yaml", "policies/"].contains(
                        where: $0.hasPrefix)
                },
            "\(site.stderr)")
        #expect(temp.exists("acme/site/index.html") && temp.exists("acme/site/narratives"))

        // Still valid once committed.
        var env = ProcessInfo.processInfo.environment
        for key in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] { env[key] = "Ada" }
        for key in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] { env[key] = "ada@example.com" }
        #expect(Command.run("/usr/bin/env", ["git", "-C", ws, "add", "-A"], environment: env).status == 0)
        #expect(Command.run("/usr/bin/env", ["git", "-C", ws, "commit", "-qm", "Start"], environment: env).status == 0)
        #expect(try check(ws).diagnostics.isEmpty)
    }

    @Test(arguments: [
        "security", "security,privacy", "processing-integrity", "availability,confidentiality,privacy",
        "security,availability,confidentiality,processing-integrity,privacy",
    ])
    func everyScopeIsValid(scope: String) throws {
        let temp = TemporaryDirectory()
        let result = Dossier.run(["init", "ws", "--scope", scope], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        let (readiness, diagnostics, written, _) = try check(temp.path + "/ws")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let expected = ["security", "availability", "processing-integrity", "confidentiality", "privacy"].filter {
            $0 == "security" || scope.split(separator: ",").contains(Substring($0))
        }
        #expect(Set(written) == Set(expected))
        #expect(readiness["percent"] as? Double == 0)
        #expect(temp.exists("ws/narratives/privacy.md") == scope.contains("privacy"))
        #expect(temp.exists("ws/evidence/privacy/PRIV-001/README.md") == scope.contains("privacy"))
    }

    @Test func namesAreEscapedInTheControlMap() throws {
        let temp = TemporaryDirectory()
        let org = "Acme: \"Best\" #1 \\ 'Ltd'"
        let result = Dossier.run(["init", "ws", "--org", org, "--system=- ON"], in: temp.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try json(Dossier.run(["check", "--json"], in: temp.path + "/ws"))
        #expect(doc["organization"] as? String == org)
        #expect(doc["system"] as? String == "- ON")
        #expect(temp.read("ws/narratives/access.md")?.contains("how \(org) decides") == true)
        #expect(Dossier.run(["init", "ws2", "--org", "two\nlines"], in: temp.path).status == 2)
        #expect(!temp.exists("ws2"))
    }

    @Test func refusesANonEmptyFolderAndNeverOverwrites() throws {
        let temp = TemporaryDirectory()
        temp.write("ws/controls.yaml", "mine\n")
        temp.write("ws/narratives/access.md", "my narrative\n")
        let refused = Dossier.run(["init", "ws"], in: temp.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("\(temp.path)/ws is not empty"))
        #expect(!temp.exists("ws/evidence"))

        let forced = Dossier.run(["init", "ws", "--force"], in: temp.path)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("Skipped 2 files (existing files are never overwritten):"))
        #expect(forced.stdout.contains("  controls.yaml: already exists\n  narratives/access.md: already exists\n"))
        #expect(temp.read("ws/controls.yaml") == "mine\n")
        #expect(temp.read("ws/narratives/access.md") == "my narrative\n")
        #expect(temp.exists("ws/evidence/access/AC-001/README.md"))

        // A second run changes nothing.
        let before = temp.read("ws/evidence/access/AC-001/README.md")
        temp.write("ws/evidence/access/AC-001/README.md", "edited\n")
        #expect(Dossier.run(["init", "ws", "--force"], in: temp.path).status == 0)
        #expect(temp.read("ws/evidence/access/AC-001/README.md") == "edited\n")
        #expect(before != nil)
    }

    @Test func aFolderHoldingOnlyGitIsFineAndGitIsNotNested() throws {
        let repo = GitFixture()
        let result = Dossier.run(["init", "."], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Already inside the git work tree"))
        #expect(!result.stdout.contains("cd ."))
        let sub = Dossier.run(["init", "compliance/soc2", "--org", "Acme"], in: repo.path)
        #expect(sub.status == 0, "\(sub.stderr)")
        #expect(!repo.directory.exists("compliance/soc2/.git"))
        #expect(try check(repo.path + "/compliance/soc2").diagnostics.isEmpty)
    }

    @Test func badOptionsExitTwo() {
        let temp = TemporaryDirectory()
        let result = Dossier.run(["init", "ws", "--scope", "security,integrity"], in: temp.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown category `integrity`"))
        temp.write("file", "x")
        let notFolder = Dossier.run(["init", "file"], in: temp.path)
        #expect(notFolder.status == 2)
        #expect(notFolder.stderr.contains("is not a folder"))
    }
}
