import DossierCore
import Foundation

/// `risks.html`: the risk register with a 5×5 heat map of inherent and residual scores (a table that reads
/// without colour: every cell names its score, band and risks; colour is a second channel), then every risk.
enum RiskPage {
    static func spec(_ result: RiskRegisterResult, _ context: SiteContext) -> PageSpec {
        let page = SitePaths.risks
        let register = result.register
        let rows = result.risks.map { r -> [String: Any] in
            let risk = r.risk
            var flags: [[String: Any]] = []
            if r.isExposed { flags.append(SiteContext.badge("exposed", "exposed", "bad")) }
            if r.overAppetite { flags.append(SiteContext.badge("over-appetite", "over appetite", "bad")) }
            if let state = r.acceptance {
                let tone = state == .current ? "ok" : "warn"
                flags.append(SiteContext.badge("acceptance-\(state.rawValue)", "acceptance \(state.rawValue)", tone))
            }
            if flags.isEmpty { flags.append(SiteContext.badge("within-appetite", "within appetite", "ok")) }
            return [
                "id": risk.id, "anchor": "risk-" + SitePaths.sanitize(risk.id), "title": risk.title,
                "description": SiteContext.null(risk.description), "owner": risk.owner,
                "inherent": score(risk.inherent), "residual": score(risk.effective),
                "residualGiven": risk.residual != nil,
                "treatment": risk.treatment.rawValue,
                "controls": risk.controls.map { id -> [String: Any] in
                    var ref = context.controlRef(id, from: page)
                    ref["exposed"] = r.exposedBy.contains(id)
                    return ref
                },
                "hasControls": !risk.controls.isEmpty,
                "acceptance": risk.acceptance.map { a -> Any in
                    ["by": a.by, "on": a.on.description, "until": a.until.description] as [String: Any]
                } ?? NSNull(),
                "flags": flags,
            ]
        }
        let data: [String: Any] = [
            "appetite": register.appetite,
            "review": register.review.rawValue,
            "owner": SiteContext.null(register.owner),
            "lastReviewed": SiteContext.null(result.lastReviewed?.description),
            "freshUntil": SiteContext.null(result.freshUntil?.description),
            "reviewBadge": reviewBadge(result.review),
            "count": result.risks.count,
            "exposedCount": result.exposed.count,
            "overCount": result.overAppetite.count,
            "expiredCount": result.expiredAcceptances.count,
            "risks": rows,
            "hasRisks": !rows.isEmpty,
            "inherentMap": heatMap(result, residual: false, context, page),
            "residualMap": heatMap(result, residual: true, context, page),
        ]
        return PageSpec(path: page, template: "risks", title: "Risk register", section: "risks", data: data)
    }

    static func reviewBadge(_ state: ReviewState) -> [String: Any] {
        switch state {
        case .fresh: SiteContext.badge("fresh", "reviewed", "ok")
        case .stale: SiteContext.badge("stale", "review overdue", "warn")
        case .never: SiteContext.badge("never", "never reviewed", "bad")
        }
    }

    static func score(_ s: RiskScore) -> [String: Any] {
        ["likelihood": s.likelihood, "impact": s.impact, "value": s.value, "band": band(s.value)]
    }

    /// Score bands of the heat map: what a cell says in words as well as in colour.
    static func band(_ value: Int) -> String {
        switch value {
        case ..<5: "low"
        case 5..<10: "medium"
        case 10..<17: "high"
        default: "critical"
        }
    }

    static let likelihoodWords = ["rare", "unlikely", "possible", "likely", "almost certain"]
    static let impactWords = ["minor", "moderate", "significant", "major", "severe"]

    /// Rows from impact 5 down to 1, columns likelihood 1 to 5; each cell its score, band and risks.
    static func heatMap(
        _ result: RiskRegisterResult, residual: Bool, _ context: SiteContext, _ page: String
    ) -> [String: Any] {
        let appetite = result.register.appetite
        let rows = (1...5).reversed().map { impact -> [String: Any] in
            let cells = (1...5).map { likelihood -> [String: Any] in
                let value = likelihood * impact
                let risks = result.risks.filter {
                    let s = residual ? $0.risk.effective : $0.risk.inherent
                    return s.likelihood == likelihood && s.impact == impact
                }.map { r -> [String: Any] in
                    [
                        "id": r.risk.id, "href": context.registerLink(.risk(r.risk.id), from: page),
                        "title": r.risk.title,
                    ]
                }
                return [
                    "value": value, "band": band(value), "over": value > appetite, "risks": risks,
                    "hasRisks": !risks.isEmpty, "count": risks.count,
                ]
            }
            return ["impact": impact, "impactWord": impactWords[impact - 1], "cells": cells]
        }
        let columns = (1...5).map { ["likelihood": $0, "word": likelihoodWords[$0 - 1]] as [String: Any] }
        let name = residual ? "residual" : "inherent"
        return [
            "id": "heat-" + name,
            "caption": residual ? "Residual risk (after treatment)" : "Inherent risk (before treatment)",
            "rows": rows, "columns": columns,
        ]
    }
}
