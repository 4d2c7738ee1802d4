import DossierCore
import Foundation

/// `evidence.html`: every evidence file with provenance and the requirements that use it; files no control
/// uses; files with problems.
enum EvidencePage {
    static func spec(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.evidence
        let r = context.readiness
        let unused = Set(r.unusedFiles.map(\.path))
        // Rows are built while the page renders, one at a time (TemplateRows).
        let rows = TemplateRows(r.inventory.files) { file -> Any in
            var row = context.fileRow(file, from: page)
            let uses = context.usage[file.path] ?? []
            row["usedBy"] = uses.map { use -> [String: Any] in
                [
                    "control": use.control, "href": context.controlLink(use.control, from: page),
                    "requirement": use.requirement,
                ]
            }
            row["used"] = !uses.isEmpty
            row["unused"] = unused.contains(file.path)
            return row
        }
        let problems = TemplateRows(r.inventory.files.filter { !$0.problems.isEmpty }) { file -> Any in
            var row = context.fileRow(file, from: page)
            row["hint"] = file.problems.map(\.hint).joined(separator: "; ")
            return row
        }
        let problemCounts = EvidenceFile.Problem.allProblems.compactMap { problem -> [String: Any]? in
            let n = r.inventory.files.filter { $0.problems.contains(problem) }.count
            return n == 0 ? nil : ["problem": problem.rawValue, "explanation": problem.explanation, "count": n]
        }
        let total = r.inventory.files.reduce(Int64(0)) { $0 + $1.size }
        let data: [String: Any] = [
            "files": rows, "hasFiles": !rows.isEmpty, "count": rows.count, "totalSize": SiteContext.size(total),
            "unused": TemplateRows(r.unusedFiles) { context.fileRow($0, from: page) },
            "hasUnused": !r.unusedFiles.isEmpty,
            "unusedCount": r.unusedFiles.count,
            "problems": problems, "hasProblems": !problems.isEmpty, "problemCount": problems.count,
            "problemCounts": problemCounts,
            "includesCopies": context.options.includeEvidence,
            "inBundle": !context.options.evidenceBeside.isEmpty,
        ]
        return PageSpec(path: page, template: "evidence", title: "Evidence inventory", section: "evidence", data: data)
    }
}

extension EvidenceFile.Problem {
    /// Every problem, in declaration order (the enum is not `CaseIterable` in the engine).
    static let allProblems: [EvidenceFile.Problem] = [
        .untracked, .modified, .staged, .deleted, .conflicted, .ignored, .symlink, .submodule, .notRegular, .lfsPointer,
        .shallowHistory, .unreadable,
    ]
}
