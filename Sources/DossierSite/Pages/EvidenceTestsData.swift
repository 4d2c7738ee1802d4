import DossierCore
import Foundation

/// What the site shows of evidence tests: each test of a requirement, pass or fail on each file it was judged
/// on, with the failing rows (line and offending cell, at most 20, with the full count); and failing evidence
/// counted by owner for the dashboard and the gaps page.
enum EvidenceTestsData {
    /// `{tests, hasTests}` for one requirement on a control page.
    static func requirement(_ q: RequirementResult, _ context: SiteContext, from page: String) -> [String: Any] {
        let tests = q.requirement.tests.enumerated().map { index, test -> [String: Any] in
            let files = q.judged.map { judged -> [String: Any] in
                let outcome = judged.outcomes[index] ?? .fail("the file was not tested")
                let row = context.fileRow(judged.file, from: page)
                let failures = outcome.failures.map { failure -> [String: Any] in
                    ["location": SiteContext.null(failure.location), "message": failure.message]
                }
                let more = outcome.failureCount - outcome.failures.count
                return [
                    "path": judged.file.displayPath, "href": row["href"] ?? "",
                    "date": SiteContext.null(judged.file.date?.description),
                    "badge": outcome.passed
                        ? SiteContext.badge("passed", "passes", "ok") : SiteContext.badge("failed", "fails", "bad"),
                    "failureLabel": outcome.passed
                        ? NSNull()
                        : "\(outcome.failureCount) failing \(outcome.failureCount == 1 ? "row or value" : "rows or values")"
                            as Any,
                    "failures": failures, "hasFailures": !failures.isEmpty,
                    "more": more, "hasMore": more > 0,
                ]
            }
            let passed = q.tests.indices.contains(index) ? q.tests[index].passed : false
            return [
                "definition": test.definition,
                "badge": passed
                    ? SiteContext.badge("passed", "passes", "ok") : SiteContext.badge("failed", "fails", "bad"),
                "files": files,
            ]
        }
        return ["tests": tests, "hasTests": !tests.isEmpty]
    }

    /// Evidence requirements with failing tests or failing windows per owner, owners in the gaps page's order:
    /// `{owner, count}`.
    static func byOwner(_ context: SiteContext) -> [[String: Any]] {
        context.gaps.byOwner.compactMap { group -> [String: Any]? in
            let count = failingRequirements(group.gaps)
            guard count > 0, let owner = group.owner else { return nil }
            return ["owner": owner, "count": count]
        }
    }

    /// How many distinct requirements (control and path) the failing-evidence gaps among `gaps` are about.
    static func failingRequirements(_ gaps: [GapList.Gap]) -> Int {
        Set(gaps.filter { $0.kind == .failingEvidence }.map { "\($0.controlID ?? "")\u{0}\($0.requirement ?? "")" })
            .count
    }
}
