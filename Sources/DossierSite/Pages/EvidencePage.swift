import DossierCore
import Foundation

/// `evidence.html`: every evidence file with provenance and the requirements that use it; files no control
/// uses; files with problems.
enum EvidencePage {
    static func spec(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.evidence
        let r = context.readiness
        let unused = Set(r.unusedFiles.map(\.path))
        let registerUses = registerUsage(context, from: page)
        // Rows are built while the page renders, one at a time (TemplateRows).
        let rows = TemplateRows(r.inventory.files) { file -> Any in
            var row = context.fileRow(file, from: page)
            let uses = context.usage[file.path] ?? []
            let registers = registerUses[file.path] ?? []
            row["usedBy"] =
                uses.map { use -> [String: Any] in
                    [
                        "control": use.control, "href": context.controlLink(use.control, from: page),
                        "requirement": use.requirement,
                    ]
                } + registers
            row["used"] = !uses.isEmpty || !registers.isEmpty
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

    /// Evidence path bytes → the vendors and policies that count the file, as `usedBy` rows.
    static func registerUsage(_ context: SiteContext, from page: String) -> [[UInt8]: [[String: Any]]] {
        var uses: [[UInt8]: [[String: Any]]] = [:]
        func add(_ files: [EvidenceFile], _ subject: RegisterGap.Subject, _ glob: String) {
            for file in files {
                uses[file.path, default: []].append([
                    "control": subject.id, "href": context.registerLink(subject, from: page), "requirement": glob,
                ])
            }
        }
        let registers = context.assessment.registers
        for v in registers.vendors?.vendors ?? [] {
            let subject = RegisterGap.Subject.vendor(v.vendor.id)
            for report in v.reports { add(report.files, subject, report.report.path) }
            for q in [v.review, v.dpa].compactMap({ $0 }) { add(q.files + q.later, subject, q.requirement.path) }
        }
        for p in registers.policies {
            guard let q = p.acknowledgement else { continue }
            add(q.files + q.later, .policy(path: p.policy.path, id: p.policy.id), q.requirement.path)
        }
        return uses
    }
}

extension EvidenceFile.Problem {
    /// Every problem, in declaration order (the enum is not `CaseIterable` in the engine).
    static let allProblems: [EvidenceFile.Problem] = [
        .untracked, .modified, .staged, .deleted, .conflicted, .ignored, .symlink, .submodule, .notRegular, .lfsPointer,
        .shallowHistory, .unreadable,
    ]
}
