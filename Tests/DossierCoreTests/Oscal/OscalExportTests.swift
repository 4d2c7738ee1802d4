import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

@Suite struct OscalExportTests {
    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test func nameBasedUUIDsAreThoseOfPythonsUUID5() {
        // Python's uuid module is an independent implementation of RFC 9562 version 5.
        let script = """
            import uuid
            ns = uuid.uuid5(uuid.NAMESPACE_URL, "https://dossier.invalid/oscal")
            print(ns)
            print(uuid.uuid5(ns, "finding|CC6.1"))
            print(uuid.uuid5(ns, "évidence|ü"))
            """
        let result = Command.run("/usr/bin/env", ["python3", "-c", script], in: "/")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stderr)")
        #expect(NameBasedUUID.dossier.description == lines.first)
        #expect(NameBasedUUID(namespace: .dossier, name: "finding|CC6.1").description == lines[1])
        #expect(NameBasedUUID(namespace: .dossier, name: "évidence|ü").description == lines[2])
    }

    @Test func theDocumentHasEveryRequiredPartAndNamesTheEvidence() throws {
        let repo = FieldworkFixture.make()
        let assessment = FieldworkFixture.assessment(repo)
        let bytes = try OscalExport.of(assessment).encoded()
        #expect(bytes == (try OscalExport.of(FieldworkFixture.assessment(repo)).encoded()))  // deterministic
        let root = try #require(try Self.json(bytes)["assessment-results"] as? [String: Any])
        let metadata = try #require(root["metadata"] as? [String: Any])
        for key in ["title", "last-modified", "version", "oscal-version"] { #expect(metadata[key] is String, "\(key)") }
        #expect(metadata["oscal-version"] as? String == "1.1.3")
        #expect(metadata["last-modified"] as? String == "2026-07-10T00:00:00Z")
        let importAP = try #require(root["import-ap"] as? [String: Any])
        let results = try #require(root["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = results[0]
        for key in ["uuid", "title", "description", "start", "reviewed-controls"] {
            #expect(result[key] != nil, "\(key)")
        }
        let selections = try #require(
            (result["reviewed-controls"] as? [String: Any])?["control-selections"] as? [[String: Any]])
        let included = (selections.first?["include-controls"] as? [[String: String]])?.map { $0["control-id"] }
        #expect(included == ["CHG-001", "AC-001"])

        // One observation per requirement, its evidence pointing at back-matter resources that carry the
        // file's SHA-256 (checked with coreutils), commit and date.
        let observations = try #require(result["observations"] as? [[String: Any]])
        #expect(observations.count == 3)
        #expect(observations.allSatisfy { ($0["methods"] as? [String]) == ["EXAMINE"] && $0["collected"] is String })
        let resources = try #require((root["back-matter"] as? [String: Any])?["resources"] as? [[String: Any]])
        let byUUID = Dictionary(uniqueKeysWithValues: resources.map { ($0["uuid"] as! String, $0) })
        #expect((importAP["href"] as? String).map { byUUID[String($0.dropFirst())] != nil } == true)
        let evidence = observations[0]["relevant-evidence"] as? [[String: Any]] ?? []
        #expect(evidence.count == 4)  // the four monthly exports dated by the as-of day, December included
        for item in evidence {
            let href = try #require(item["href"] as? String)
            let resource = try #require(byUUID[String(href.dropFirst())])
            let link = try #require((resource["rlinks"] as? [[String: Any]])?.first)
            let path = try #require((link["href"] as? String)?.replacingOccurrences(of: "../", with: ""))
            let text = try String(contentsOfFile: repo.path + "/" + path, encoding: .utf8)
            let hash = try #require((link["hashes"] as? [[String: String]])?.first)
            #expect(hash["algorithm"] == "SHA-256" && hash["value"] == FieldworkFixture.sha256sum(text))
            let props = (resource["props"] as? [[String: String]] ?? []).map { $0["name"]! }
            #expect(props == ["path", "commit", "evidence-date", "dated-by"])
        }

        // A finding per applicable criterion: CC8.1 and CC6.1 here, satisfied when a ready control covers it.
        let findings = try #require(result["findings"] as? [[String: Any]])
        let states = Dictionary(
            uniqueKeysWithValues: findings.map { finding -> (String, String) in
                let target = finding["target"] as! [String: Any]
                return (target["target-id"] as! String, (target["status"] as! [String: String])["state"]!)
            })
        let applicable = assessment.readiness.criteria.filter { $0.state != .outOfScope && $0.state != .excluded }
        #expect(findings.count == applicable.count)
        for criterion in applicable {
            #expect(states[criterion.criterion.id] == (criterion.state == .covered ? "satisfied" : "not-satisfied"))
        }

        // Every UUID is a version 5 UUID and unique.
        let text = String(decoding: bytes, as: UTF8.self)
        let pattern = try Regex("\"(?:uuid|observation-uuid)\" : \"([^\"]+)\"")
        let uuids = text.matches(of: pattern).map { String($0.output[1].substring!) }
        #expect(uuids.count > 10)
        let definitions = text.matches(of: try Regex("\"uuid\" : \"([^\"]+)\"")).map { String($0.output[1].substring!) }
        #expect(Set(definitions).count == definitions.count)
        #expect(
            uuids.allSatisfy {
                $0.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil
            })
    }

    @Test func aNewCommitIsANewDocumentTheSameCommitTheSameBytes() throws {
        let repo = FieldworkFixture.make()
        let first = try OscalExport.of(FieldworkFixture.assessment(repo)).encoded()
        repo.write("evidence/prs-2026-03.csv", "pr,author\n15,joe\n").commit(date: "2026-03-31")
        let second = try OscalExport.of(FieldworkFixture.assessment(repo)).encoded()
        let uuid = { (bytes: [UInt8]) in
            (try Self.json(bytes)["assessment-results"] as? [String: Any])?["uuid"] as? String
        }
        #expect(try uuid(first) != uuid(second))
        #expect(second == (try OscalExport.of(FieldworkFixture.assessment(repo)).encoded()))
    }

    @Test func pathsBecomeURIReferencesAndIDsTokens() {
        #expect(OscalValues.uriPath("evidence/a b/ü%.csv") == "evidence/a%20b/%C3%BC%25.csv")
        #expect(OscalValues.token("AC-001") == "AC-001")
        #expect(OscalValues.token("1-ACCESS") == "_1-ACCESS")
    }
}
