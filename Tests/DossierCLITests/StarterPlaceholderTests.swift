import DossierTestSupport
import Foundation
import Testing

/// The placeholders a starter workspace leaves, as `check` reports them.
@Suite("Starter placeholders")
struct StarterPlaceholderTests {
    @Test("a starter workspace gets at most one warning per cause and narrative, not a cascade")
    func starterKit() throws {
        let temp = TemporaryDirectory()
        #expect(Dossier.run(["init", "ws", "--org", "Acme"], in: temp.path).status == 0)
        let result = Dossier.run(["check", "ws", "--json"], in: temp.path)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        var causes: [String: Int] = [:]
        for d in diagnostics where (d["file"] as? String)?.hasPrefix("narratives/") == true {
            let message = d["message"] as? String ?? ""
            let cause = message.contains("TODO") ? "todo" : message.contains("owner") ? "owner" : "empty"
            causes["\(d["file"]!) \(cause)", default: 0] += 1
        }
        #expect(!causes.isEmpty && causes.values.allSatisfy { $0 == 1 }, "\(causes)")
        #expect(causes.keys.contains("narratives/access.md todo"))
    }
}
