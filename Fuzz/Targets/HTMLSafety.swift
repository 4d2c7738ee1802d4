/// What published HTML must never hold, checked the way a browser would read it: a `<script` tag, an event
/// attribute (`on…=`) in any tag, or an `href`/`src` whose scheme runs code or reads files (`javascript:`,
/// `vbscript:`, `file:`, and `data:` other than a PNG, GIF, JPEG or WebP picture).
enum HTMLSafety {
    static func problem(in html: String) -> String? {
        let bytes = Array(html.utf8)
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: "!") {
                // A comment (cmark-gfm's "raw HTML omitted"): skip to its end.
                guard let end = find(Array("-->".utf8), in: bytes, from: index) else { return "an unclosed comment" }
                index = end + 3
                continue
            }
            guard isLetter(bytes[index]) else { continue }
            let (name, start) = word(bytes, from: index)
            var next = start
            if name == "script" { return "a <script> tag" }
            // Attributes: name, optionally `=` and a quoted or bare value.
            while next < bytes.count {
                while next < bytes.count, isSpace(bytes[next]) { next += 1 }
                guard next < bytes.count, bytes[next] != UInt8(ascii: ">") else { break }
                if bytes[next] == UInt8(ascii: "/") {
                    next += 1
                    continue
                }
                let attribute: String
                (attribute, next) = word(bytes, from: next)
                if attribute.isEmpty { next += 1 }
                var value: String?
                if next < bytes.count, bytes[next] == UInt8(ascii: "=") {
                    next += 1
                    let quote = next < bytes.count ? bytes[next] : 0
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        let end = bytes[(next + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[(next + 1)..<end], as: UTF8.self)
                        next = end + 1
                    } else {
                        var end = next
                        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                        value = String(decoding: bytes[next..<end], as: UTF8.self)
                        next = end
                    }
                }
                if attribute.hasPrefix("on") { return "an event attribute `\(attribute)` in <\(name)>" }
                if attribute == "href" || attribute == "src", let value, let scheme = dangerousScheme(value) {
                    return "a `\(scheme)` URL in \(attribute) of <\(name)>"
                }
            }
            index = next
        }
        return nil
    }

    /// The dangerous scheme `url` starts with, after entity decoding and the characters browsers ignore.
    static func dangerousScheme(_ url: String) -> String? {
        let decoded = decodeEntities(url).unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let text = String(String.UnicodeScalarView(decoded.drop { $0.value <= 0x20 })).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where text.hasPrefix(scheme) { return scheme }
        let pictures = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        if text.hasPrefix("data:"), !pictures.contains(where: text.hasPrefix) { return "data:" }
        return nil
    }

    /// Numeric references and the named ones that could spell a scheme.
    static func decodeEntities(_ text: String) -> String {
        let named = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t",
            "newline": "\n",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let name = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[name.lowercased()]
            }
            if let replacement {
                out += replacement
                rest = after[name.endIndex...]
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func word(_ bytes: [UInt8], from start: Int) -> (String, Int) {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]),
            ![UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "/")]
                .contains(bytes[end])
        {
            end += 1
        }
        return (String(decoding: bytes[start..<end], as: UTF8.self).lowercased(), end)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 10 || byte == 12 || byte == 13
    }
}
