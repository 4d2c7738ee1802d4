import DossierArchive
import DossierTestSupport
import Foundation
import Testing

/// The registers end to end through the binary: `check` (text, `--json`, `--strict`, invalid input), `build`
/// and `bundle`, on the site fixture (two risks, two vendors, two policies) and on broken registers.
@Suite("registers: risks, vendors and policies")
struct RegistersCommandTests {
    @Test("check prints a line per register and the register to-do groups, with owners")
    func checkText() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["check"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("\nRegisters\n"))
        #expect(
            out.contains(
                "  Risks     2 risks (appetite 8): 1 exposed, 1 over appetite, 0 accepted (0 expired); reviewed 2026-01-10, fresh until 2027-01-11\n"
            ))
        #expect(
            out.contains(
                "  Vendors   2 vendors (1 subprocessor): 1 without current assurance, 1 review due, 0 DPAs missing\n"))
        #expect(
            out.contains("  Policies  2 policies: 1 not approved yet, 0 reviews overdue, 1 changed since approval\n"))
        #expect(
            out.contains(
                "  Treat or accept risks over appetite (1)\n    R-2 Backups fail (it@example.com) — residual 12"))
        #expect(
            out.contains(
                "  Collect vendor reports (1)\n    chat Chat (it@example.com) — medium criticality and no assurance report named"
            ))
        #expect(out.contains("  Review vendors (1)\n"))
        #expect(out.contains("  Re-approve policies (2)\n"))
        #expect(
            out.contains(
                "POL-1 Security <policy> (security@example.com) — text changed on 2026-02-27, after its approval on 2026-01-05"
            ))
        #expect(!out.contains("Review the risk register"))

        let strict = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(strict.status == 1)
        #expect(
            strict.stderr.contains(
                "registers: 1 treat or accept risks over appetite, 1 collect vendor reports, 1 review vendors, 2 re-approve policies"
            ), "\(strict.stderr)")
    }

    @Test("check --json has risks, vendors and policies, and null for a register the workspace does not keep")
    func checkJSON() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["check", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let risks = try #require(doc["risks"] as? [String: Any])
        #expect(risks["appetite"] as? Int == 8 && risks["review_state"] as? String == "fresh")
        let list = try #require(risks["risks"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["R-1", "R-2"])
        #expect(list[0]["exposed_by"] as? [String] == ["AC-002"] && list[0]["residual"] as? Int == 8)
        #expect(list[1]["over_appetite"] as? Bool == true && list[1]["acceptance"] is NSNull)
        let files = try #require(doc["evidence_files"] as? [[String: Any]])
        #expect(files.first { $0["path"] as? String == "evidence/vendors/cloud-dpa.pdf" }?["used"] as? Bool == true)
        let vendors = try #require((doc["vendors"] as? [String: Any])?["vendors"] as? [[String: Any]])
        #expect(vendors.map { $0["assurance"] as? String } == ["current", "missing"])
        let policies = try #require((doc["policies"] as? [String: Any])?["policies"] as? [[String: Any]])
        #expect(policies.map { $0["id"] as? String } == ["POL-2", "POL-1"])
        #expect(policies[1]["changed_on"] as? String == "2026-02-27" && policies[0]["draft"] as? Bool == true)

        repo.git("rm", "-q", "vendors.yaml")
        let without = Dossier.run(["check", "--json"], in: repo.path)
        let second = try #require(JSONSerialization.jsonObject(with: Data(without.stdoutBytes)) as? [String: Any])
        #expect(second["vendors"] is NSNull && second["risks"] is [String: Any])
    }

    @Test("mistakes in every register are reported at once with their codes and positions, and exit 2")
    func invalidRegisters() throws {
        let repo = SiteWorkspaceFixture.make()
        repo.write(
            "risks.yaml",
            "dossier: 1\nappetite: 8\nrisks:\n  - {id: R-1, title: T, owner: a@x.example, likelihood: 9, impact: 1, treatment: mitigate, controls: [NOPE-1]}\n"
        )
        repo.write(
            "vendors.yaml",
            "dossier: 1\nvendors:\n  - {id: v, name: V, owner: a@x.example, criticality: high, data: [personal]}\n")
        repo.write("policies/broken.md", "# no front matter\n")
        let result = Dossier.run(["check"], in: repo.path)
        #expect(result.status == 2)
        for expected in [
            "risks.yaml:4:57: error: `likelihood` must be a whole number from 1 to 5 [schema.not-a-number]",
            "risks.yaml:4:103: error: unknown control `NOPE-1` [register.unknown-control]",
            "vendors.yaml:3:5: error: vendor v handles personal data but names no DPA [vendor.missing-dpa]",
            "policies/broken.md:1:1: error: policy has no front matter [policy.no-front-matter]",
        ] {
            #expect(result.stdout.contains(expected), "missing: \(expected)\n\(result.stdout)")
        }
        #expect(result.stderr.contains("error: the workspace has errors"))
        let json = Dossier.run(["check", "--json"], in: repo.path)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        let codes = (doc["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(
            Set(codes).isSuperset(of: [
                "schema.not-a-number", "register.unknown-control", "vendor.missing-dpa", "policy.no-front-matter",
            ]))
        #expect(Dossier.run(["build"], in: repo.path).status == 2)
    }

    @Test("build writes the register pages: heat maps that read without colour, vendors, subprocessors, policies")
    func site() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["build"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let site = repo.directory
        let risks = try #require(site.read("site/risks.html"))
        // Two 5×5 maps; R-1 sits at 4×5 before treatment and 2×4 after, each cell naming its score and band.
        #expect(risks.components(separatedBy: "<td class=\"heat heat--").count - 1 == 50)
        #expect(
            risks.contains(
                "<span class=\"heat__score\">20 critical, over<span class=\"heat__wide\"> appetite</span></span><ul class=\"heat__risks\"><li><a href=\"risks.html#risk-R-1\""
            ))
        #expect(
            risks.contains(
                "<span class=\"heat__score\">8 medium</span><ul class=\"heat__risks\"><li><a href=\"risks.html#risk-R-1\""
            ))
        #expect(risks.contains("id=\"risk-R-1\"") && !risks.contains("<script>alert(1)"))
        let vendors = try #require(site.read("site/vendors.html"))
        #expect(vendors.contains("Cloud &lt;b&gt;Host&lt;/b&gt;") && vendors.contains("id=\"vendor-chat\""))
        let subprocessors = try #require(site.read("site/subprocessors.html"))
        #expect(subprocessors.contains("Cloud &lt;b&gt;Host&lt;/b&gt;") && !subprocessors.contains(">Chat<"))
        let policy = try #require(site.read("site/policies/POL-1.html"))
        #expect(
            policy.contains("edited after approval") && policy.contains("text changed <time datetime=\"2026-02-27\">"))
        #expect(
            policy.contains("href=\"../policies/POL-2.html\"") && policy.contains("href=\"../narratives/access.html\""))
        #expect(policy.contains("href=\"../controls/AC-001.html\""))
        let index = try #require(site.read("site/index.html"))
        #expect(
            index.contains("<h2 id=\"registers-heading\">Registers</h2>")
                && index.contains("href=\"risks.html\">Risks</a>"))
        let control = try #require(site.read("site/controls/AC-002.html"))
        #expect(control.contains("<a href=\"../risks.html#risk-R-1\">R-1</a> Account takeover &lt;script&gt;"))
        let criterion = try #require(site.read("site/criteria/CC5.3.html"))
        #expect(criterion.contains("<a href=\"../policies/POL-1.html\">POL-1</a> Security &lt;policy&gt;"))
        let evidence = try #require(site.read("site/evidence.html"))
        #expect(
            evidence.contains(
                "<a href=\"vendors.html#vendor-cloud\">cloud</a> <code class=\"path\">evidence/vendors/cloud-dpa.pdf</code>"
            ))
        let gaps = try #require(site.read("site/gaps.html"))
        #expect(gaps.contains("Re-approve policies") && gaps.contains("href=\"policies/POL-1.html\">POL-1</a>"))
        let problems = SiteLinkChecker.check(SiteLinkChecker.load(repo.path + "/site"))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test("bundle ships the registers, the evidence they count and the two register tables")
    func bundle() throws {
        let repo = SiteWorkspaceFixture.make()
        let result = Dossier.run(["bundle", "-o", "out", "--allow-dirty"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let archive = try #require(
            try FileManager.default.contentsOfDirectory(atPath: repo.path + "/out").first { $0.hasSuffix(".zip") })
        let listing = Command.run("/usr/bin/env", ["unzip", "-Z1", repo.path + "/out/" + archive]).stdout
        for name in [
            "data/risks.yaml", "data/vendors.yaml", "data/policies/security.md", "data/policies/draft.md",
            "data/risk-register.csv", "data/vendor-register.csv", "data/evidence/vendors/cloud-soc2-2025.pdf",
            "data/evidence/vendors/cloud-dpa.pdf", "data/site/risks.html",
        ] {
            #expect(listing.contains("/" + name + "\n"), "\(name) not in the bundle")
        }
        let csv = Command.run(
            "/usr/bin/env", ["unzip", "-p", repo.path + "/out/" + archive, "*/data/risk-register.csv"]
        ).stdout
        #expect(csv.contains("\r\nR-2,Backups fail,it@example.com,3,4,12,transfer,,3,4,12,8,,yes,,,,\r\n"), "\(csv)")
        #expect(Dossier.run(["verify", "out/" + archive], in: repo.path).status == 0)
    }

    @Test("init writes registers that check without errors and are honestly not ready")
    func starterRegisters() throws {
        let temp = TemporaryDirectory()
        #expect(Dossier.run(["init", "ws", "--org", "Acme"], in: temp.path).status == 0)
        #expect(temp.exists("ws/risks.yaml") && temp.exists("ws/vendors.yaml"))
        #expect(temp.exists("ws/policies/information-security.md"))
        let result = Dossier.run(["check", "--json"], in: temp.path + "/ws")
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let errors = (doc["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors)")
        let risks = try #require((doc["risks"] as? [String: Any])?["risks"] as? [[String: Any]])
        #expect(risks.count >= 5 && risks.allSatisfy { $0["exposed"] as? Bool == true })
        let policies = try #require((doc["policies"] as? [String: Any])?["policies"] as? [[String: Any]])
        #expect(policies.count >= 5 && policies.allSatisfy { $0["draft"] as? Bool == true })
        let strict = Dossier.run(["check", "--strict"], in: temp.path + "/ws")
        #expect(strict.status == 1 && strict.stderr.contains("registers: 1 review the risk register"))
    }
}
