import DossierCore

/// Chooses the collectors to run from a readiness judged on the collection day.
public enum CollectPlan {
    /// The tasks in control-map order; the ids of `--only` that named nothing are returned apart.
    public static func tasks(_ readiness: Readiness, _ request: CollectRequest) -> (
        tasks: [CollectTask], unknown: [String]
    ) {
        var tasks: [CollectTask] = []
        var named = Set<String>()
        for result in readiness.controls {
            let control = result.control
            for requirement in result.requirements {
                guard let collector = requirement.requirement.collector else { continue }
                let reason: String?
                switch request.selection {
                case .all:
                    reason = control.status == .notApplicable ? nil : "--all"
                case .only(let ids):
                    let hits = ids.filter { $0 == control.id || $0 == requirement.requirement.path }
                    named.formUnion(hits)
                    reason = hits.isEmpty ? nil : "--only"
                case .due(let within):
                    reason = control.status == .notApplicable ? nil : dueReason(requirement, request.day, within)
                }
                guard let reason else { continue }
                tasks.append(
                    CollectTask(
                        control: control, requirement: requirement.requirement, collector: collector,
                        output: collector.outputPath(control: control.id, at: request.now), reason: reason))
            }
        }
        var unknown: [String] = []
        if case .only(let ids) = request.selection {
            unknown = ids.filter { !named.contains($0) }
        }
        return (tasks, unknown)
    }

    /// Why a requirement is due on `day`, or nil when it stays fresh beyond `within` days.
    static func dueReason(_ result: RequirementResult, _ day: CalendarDay, _ within: Int) -> String? {
        switch result.state {
        case .missing: return "missing"
        case .stale: return "stale"
        case .undated: return "undated"
        case .failing: return "failing its tests"
        case .fresh:
            guard let until = result.freshUntil else { return nil }
            return until < day.adding(days: within) ? "fresh until \(until)" : nil
        }
    }
}
