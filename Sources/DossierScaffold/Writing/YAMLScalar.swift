import DossierCore

/// Writes strings as YAML scalars that read back as exactly the same text.
///
/// Dossier writes `controls.yaml` and narrative front matter from user input (an organisation called
/// `Acme: "Best" #1`, a comply document title): a plain scalar is used only when nothing in the text could
/// change its meaning; everything else is double-quoted with escapes.
public enum YAMLScalar {
    /// Plain when safe, else double-quoted.
    public static func text(_ value: String) -> String {
        isSafePlain(value) ? value : quoted(value)
    }

    /// Always double-quoted, with `\`, `"`, control characters and YAML's extra line breaks escaped.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    // Valid UTF-8 that YAML does not allow unescaped (libyaml: "control characters are not
                    // allowed"); an auditor's CSV cell or a comply document may hold them.
                    out += "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A folded block scalar (`>-`) wrapped at `width`, or nil when the text cannot be folded back exactly
    /// (line breaks, tabs, runs of spaces, leading or trailing space, unprintable characters).
    ///
    /// `indent` is the indentation of the content lines; the caller writes `key: ` before the result.
    public static func folded(_ value: String, indent: Int, width: Int = 86) -> String? {
        guard !value.isEmpty, value.unicodeScalars.allSatisfy(isPrintable), !value.contains("  "),
            !value.hasPrefix(" "), !value.hasSuffix(" ")
        else { return nil }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in value.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width - indent {
                lines.append(line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append(line)
        return ">-\n" + lines.map { pad + $0 }.joined(separator: "\n")
    }

    /// Whether `value` can be written as a plain scalar in block context and read back unchanged, as a
    /// string that Dossier's loader will not take for null.
    public static func isSafePlain(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if value.contains(": ") || value.contains(" #") { return false }
        guard value.unicodeScalars.allSatisfy({ isPrintable($0) && $0 != "\t" }) else { return false }
        // Words a YAML reader may type as null, booleans or numbers; strings that look like documents.
        let reserved: Set<String> = [
            "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
            "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
            "y", "Y", "n", "N", "---", "...",
        ]
        if reserved.contains(value) { return false }
        if value.unicodeScalars.allSatisfy({ "0123456789.+-_eExXoObB:".unicodeScalars.contains($0) }) { return false }
        return true
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: true
        case 0xA1...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            scalar.value != 0xFEFF && scalar != "\u{2028}" && scalar != "\u{2029}"
        default: false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
