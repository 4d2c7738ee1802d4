import DossierTestSupport
import Foundation
import Testing

@Suite("dossier build")
struct BuildCommandTests {
    @Test("writes the site into WORKSPACE/site and says where and how many pages")
    func defaultOutput() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["build", repo.path], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        // 6 section pages, 4 controls, 61 criteria, 2 narratives; risks, vendors, subprocessors, 3 policy pages.
        #expect(result.stdout == "wrote 79 pages to \(repo.path)/site\n")
        #expect(result.stderr.contains("evidence/untracked.csv: warning: evidence file is not committed to git"))
        #expect(repo.directory.exists("site/index.html") && repo.directory.exists("site/.dossier-site"))
        let problems = SiteLinkChecker.check(SiteLinkChecker.load(repo.path + "/site"))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("a rebuild replaces the previous site and leaves no stale page behind")
    func replacesPreviousBuild() throws {
        let repo = SiteWorkspaceFixture.make()
        #expect(Dossier.run(["build"], in: repo.path).status == 0)
        repo.directory.write("site/controls/STALE.html", "old")
        let controls = try #require(repo.directory.read("controls.yaml"))
        let withoutHR = controls.components(separatedBy: "  - id: HR-001")[0]
        repo.write("controls.yaml", withoutHR)
        let result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!repo.directory.exists("site/controls/STALE.html"))
        #expect(!repo.directory.exists("site/controls/HR-001.html"))
        #expect(repo.directory.exists("site/controls/AC-001.html"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo.path).filter {
            $0.contains("dossier-")
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a build in which nothing changed leaves the site alone and repeats its warnings; --force rebuilds")
    func unchangedBuild() throws {
        let repo = SiteWorkspaceFixture.make()
        // Inputs written in the last two seconds are never stamped as seen (their times may not have ticked).
        Thread.sleep(forTimeInterval: 2.1)
        let first = Dossier.run(["build"], in: repo.path)
        #expect(first.status == 0 && first.stdout == "wrote 79 pages to \(repo.path)/site\n", "\(first.stderr)")
        let page = try #require(repo.directory.read("site/index.html"))
        let again = Dossier.run(["build"], in: repo.path)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("79 pages in \(repo.path)/site are up to date"), "\(again.stdout)")
        #expect(again.stderr == first.stderr && first.stderr.contains("evidence file is not committed to git"))
        // The pages do not depend on the time zone (see `deterministic`), so neither does the check.
        let tokyo = Dossier.run(["build"], in: repo.path, environment: ["TZ": "Asia/Tokyo"])
        #expect(tokyo.stdout.hasPrefix("79 pages in"), "\(tokyo.stdout)")
        #expect(Dossier.run(["build", "--force"], in: repo.path).stdout.hasPrefix("wrote 79 pages"))
        #expect(repo.directory.read("site/index.html") == page)
        // The forced build wrote the site anew and stamped it; a page edited since is put back.
        #expect(Dossier.run(["build"], in: repo.path).stdout.hasPrefix("79 pages"))
        repo.write("site/index.html", "defaced")
        #expect(Dossier.run(["build"], in: repo.path).stdout.hasPrefix("wrote 79 pages"))
        #expect(repo.directory.read("site/index.html") == page)
        // A changed input is never skipped, even right after a stamped build.
        repo.write("evidence/access/sso-2026-04.csv", "user,sso\n")
        #expect(Dossier.run(["build"], in: repo.path).stdout.hasPrefix("wrote 79 pages"))
        #expect(repo.directory.read("site/index.html") != page)
    }

    @Test("refuses to replace a folder that is not a Dossier site, and writes nothing")
    func refusesForeignFolder() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["build", "-o", "evidence"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a Dossier site (no .dossier-site file); refusing to replace it"))
        #expect(repo.directory.exists("evidence/access/sso-2026-03.csv"))
        #expect(!repo.directory.exists("evidence/index.html"))
    }

    @Test("invalid input: exit 2, the diagnostics on stderr, and no site; check reports the same link")
    func invalidInput() throws {
        let repo = narrative("# Access\n\nWe run [AC-001], see [the export](../evidence/nope.csv).\n")
        let result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 2)
        let message = "narratives/access.md:3:22: error: link to evidence `evidence/nope.csv` that is not in the"
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("no site was written"))
        #expect(!repo.directory.exists("site"))
        let check = Dossier.run(["check"], in: repo.path)
        #expect(check.status == 2)
        #expect(check.stdout.contains(message))
    }

    @Test("a reference to an unknown control is a warning: the site is written and the warning printed")
    func unknownReferenceIsAWarning() throws {
        let repo = narrative("# Access\n\nWe run [AC-001] and [AC-999].\n")
        let result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains("narratives/access.md:3:21: warning: reference to unknown control `AC-999`"),
            "\(result.stderr)")
        #expect(repo.directory.exists("site/index.html"))
    }

    @Test("the same workspace, commit and as-of date give byte-identical sites")
    func deterministic() throws {
        let repo = SiteWorkspaceFixture.make()
        #expect(Dossier.run(["build", "-o", "one"], in: repo.path).status == 0)
        #expect(
            Dossier.run(
                ["build", "-o", "two"], in: repo.path, environment: ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8"]
            ).status == 0)
        let one = SiteLinkChecker.load(repo.path + "/one")
        let two = SiteLinkChecker.load(repo.path + "/two")
        #expect(one.count > 70 && one.keys.sorted() == two.keys.sorted())
        for (path, bytes) in one { #expect(two[path] == bytes, "\(path)") }
    }

    @Test("--as-of sets the judgement date shown on every page")
    func asOf() throws {
        let repo = SiteWorkspaceFixture.make()
        #expect(Dossier.run(["build", "--as-of", "2026-03-01"], in: repo.path).status == 0)
        let index = try #require(repo.directory.read("site/index.html"))
        #expect(index.contains("readiness as of <time datetime=\"2026-03-01\">2026-03-01</time>"))
    }

    @Test("templates override file by file, from the workspace or --templates; a broken one names its file")
    func templateOverrides() throws {
        let repo = SiteWorkspaceFixture.make()
        repo.write(
            "templates/dashboard.mustache", "<h1>Custom {{site.organization}}</h1><p>{{readiness.percent}}</p>\n")
        repo.write("templates/assets/site.css", "body { color: black; }\n")
        var result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let index = try #require(repo.directory.read("site/index.html"))
        #expect(index.contains("<h1>Custom Acme &lt;Corp&gt; &amp; &quot;Sons&quot;</h1>"))
        #expect(index.contains("<nav class=\"site-nav\""), "the built-in layout still wraps the page")
        #expect(repo.directory.read("site/assets/site.css") == "body { color: black; }\n")
        #expect(repo.directory.read("site/controls/index.html")?.contains("<h1>Controls</h1>") == true)

        let other = TemporaryDirectory("dossier-templates")
        other.write("control.mustache", "<h1>{{id}} from elsewhere</h1>\n")
        result = Dossier.run(["build", "--templates", other.path], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(repo.directory.read("site/controls/AC-001.html")?.contains("<h1>AC-001 from elsewhere</h1>") == true)
        #expect(
            repo.directory.read("site/index.html")?.contains("Readiness dashboard") == true,
            "--templates replaces templates/")

        repo.write("templates/gaps.mustache", "<h1>Gaps</h1>\n{{#owners}}\n<p>{{owner}}</p>\n")
        result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("templates/gaps.mustache:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: template `gaps` does not parse"))
    }

    @Test("--include-evidence copies usable committed files and links them; the default copies none")
    func includeEvidence() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["build", "--include-evidence"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        // Five under evidence/access and evidence/misc, and the cloud vendor's report, review and DPA.
        #expect(result.stdout.contains("(with 8 evidence files)"), "\(result.stdout)")
        #expect(repo.directory.read("site/files/evidence/access/sso-2026-03.csv") == "user,sso\nada,yes\nbob,yes\n")
        #expect(repo.directory.exists("site/files/evidence/misc/odd <b>\"name\"</b>.txt"))
        #expect(!repo.directory.exists("site/files/evidence/untracked.csv"))
        let inventory = try #require(repo.directory.read("site/evidence.html"))
        #expect(inventory.contains("href=\"files/evidence/access/sso-2026-03.csv\""))
        #expect(inventory.contains("href=\"files/evidence/misc/odd%20%3Cb%3E%22name%22%3C/b%3E.txt\""))
        let problems = SiteLinkChecker.check(SiteLinkChecker.load(repo.path + "/site"))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("the binary carries its templates: a copy of it alone builds a complete site")
    func binaryAlone() throws {
        let repo = SiteWorkspaceFixture.make()
        let bin = TemporaryDirectory("dossier-bin")
        try FileManager.default.copyItem(atPath: Dossier.executable, toPath: bin.path + "/dossier")
        let result = Command.run(
            bin.path + "/dossier", ["build", repo.path, "-o", repo.path + "/copy-site"], in: bin.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(repo.directory.read("copy-site/assets/site.css")?.contains("prefers-color-scheme: dark") == true)
        #expect(repo.directory.exists("copy-site/assets/site.js"))
    }

    func narrative(_ text: String) -> GitFixture {
        let repo = SiteWorkspaceFixture.make()
        repo.write("narratives/access.md", text)
        repo.commit("narrative", date: "2026-04-01")
        return repo
    }
}
