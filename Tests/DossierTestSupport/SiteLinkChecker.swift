import Foundation

/// Checks a built site the way a reader's browser would: every relative `href`/`src` leads to a file of the
/// site, every `#fragment` to an element id of that page, and nothing points outside the site.
public enum SiteLinkChecker {
    public struct Problem: Sendable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): \(link): \(reason)" }
    }

    /// `files`: site path → contents (HTML pages are parsed; others are link targets only).
    public static func check(_ files: [String: [UInt8]]) -> [Problem] {
        var ids: [String: Set<String>] = [:]
        for (path, bytes) in files where path.hasSuffix(".html") {
            ids[path] = Set(attributes("id", in: String(decoding: bytes, as: UTF8.self)))
        }
        var problems: [Problem] = []
        for (page, bytes) in files.sorted(by: { $0.key < $1.key }) where page.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for link in attributes("href", in: html) + attributes("src", in: html) {
                let decoded = decodeEntities(link)
                if decoded.isEmpty || decoded.hasPrefix("mailto:") { continue }
                if decoded.hasPrefix("http://") || decoded.hasPrefix("https://") {
                    continue  // outgoing links are allowed (they are not requests the page makes)
                }
                if decoded.contains(":") && !decoded.hasPrefix("#") {
                    problems.append(Problem(page: page, link: decoded, reason: "not a relative link"))
                    continue
                }
                if decoded.hasPrefix("/") {
                    problems.append(Problem(page: page, link: decoded, reason: "absolute path"))
                    continue
                }
                var target = decoded
                var fragment: String?
                if let hash = target.firstIndex(of: "#") {
                    fragment = String(target[target.index(after: hash)...]).removingPercentEncoding
                    target = String(target[..<hash])
                }
                let resolved: String
                if target.isEmpty {
                    resolved = page
                } else {
                    guard let path = resolve(target.removingPercentEncoding ?? target, from: page) else {
                        problems.append(Problem(page: page, link: decoded, reason: "leaves the site"))
                        continue
                    }
                    resolved = path
                }
                guard files[resolved] != nil else {
                    problems.append(Problem(page: page, link: decoded, reason: "no such file \(resolved)"))
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html"),
                    ids[resolved]?.contains(fragment) != true
                {
                    problems.append(Problem(page: page, link: decoded, reason: "no id \(fragment) in \(resolved)"))
                }
            }
        }
        return problems
    }

    /// Reads every file under `directory` into the map `check` takes.
    public static func load(_ directory: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = directory + "/" + relative
            if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                let data = manager.contents(atPath: full)
            {
                result[relative] = [UInt8](data)
            }
        }
        return result
    }

    /// Values of `name="…"` attributes (double-quoted, as Dossier's templates write them).
    public static func attributes(_ name: String, in html: String) -> [String] {
        var result: [String] = []
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            result.append(String(after[..<end]))
            rest = after[after.index(after: end)...]
        }
        return result
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func resolve(_ link: String, from page: String) -> String? {
        var parts = page.split(separator: "/").map(String.init)
        parts.removeLast()
        for part in link.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case ".", "": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
