import Foundation

/// The columns of an auditor's request list that Dossier reads, recognised by header name
/// (case-insensitively, ignoring spaces, `_`, `-` and `.`; `#` reads as "no", so `Request #` is the id). Any other column is kept as it is.
public enum RequestColumn: String, Sendable, CaseIterable {
    case id, description, criteria, control, due, assignee, period

    /// Normalised header spellings for each column.
    static let names: [RequestColumn: [String]] = [
        .id: [
            "id", "no", "requestid", "requestno", "requestnumber", "ref", "reference", "pbcid", "pbcno", "itemno",
        ],
        .description: ["description", "request", "requestdescription", "details", "requestdetails", "requesttext"],
        .criteria: [
            "criteria", "criterion", "tsc", "tscreference", "tscref", "criteriareference", "trustservicescriteria",
        ],
        .control: ["control", "controls", "controlid", "controlids", "controlreference"],
        .due: ["due", "duedate", "dueon", "deadline"],
        .assignee: ["assignee", "assignedto", "owner", "responsible"],
        .period: ["period", "daterange", "dates", "coverageperiod", "sampleperiod"],
    ]

    /// The column a header names, or nil for one Dossier only keeps.
    public static func recognise(_ header: String) -> RequestColumn? {
        let key = normalise(header)
        return allCases.first { names[$0]!.map(normalise).contains(key) }
    }

    static func normalise(_ text: String) -> String {
        String(
            text.lowercased().replacingOccurrences(of: "#", with: "no").unicodeScalars.filter {
                !" _-.\t".unicodeScalars.contains($0)
            })
    }
}
