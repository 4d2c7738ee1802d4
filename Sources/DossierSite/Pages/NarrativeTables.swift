/// Puts each table of a rendered narrative in the same scrolling region as the site's own tables, so that a wide
/// table scrolls on its own on a phone instead of making the whole page scroll sideways.
enum NarrativeTables {
    /// cmark-gfm writes every table as `<table>` on a line of its own; raw HTML never reaches the output (safe
    /// mode) and `<` in text or code is escaped, so these lines are tables and nothing else.
    static func wrapped(_ html: String) -> String {
        guard html.contains("<table>\n") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var number = 0
        for line in html.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "<table>" {
                number += 1
                out += "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table \(number)\" tabindex=\"0\">\n"
                out += line
            } else if line == "</table>" {
                out += line + "\n</div>"
            } else {
                out += line
            }
            out += "\n"
        }
        out.removeLast()
        return out
    }
}
