import DossierCore
import DossierYAML
import Foundation

/// A comply project as found on disk: `comply.yml`, the documents in `narratives/`, `policies/` and
/// `procedures/`, and the standards in `standards/`.
///
/// Reading never follows a link and never stops at a bad document: what cannot be read is kept in
/// ``skipped`` for the import report. Only a folder that is not a comply project at all is an error.
public struct ComplyProject: Sendable {
    /// A standard from `standards/*.yml`: its name and control keys.
    public struct Standard: Sendable {
        public var path: String
        public var name: String
        public var keys: [String]
    }

    public struct Skipped: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    public static let settingsFile = "comply.yml"
    /// Larger documents are skipped (with front matter added they would pass the 1 MiB narrative bound);
    /// comply documents are a few kilobytes.
    public static let maxDocumentBytes = (1 << 20) - 4096

    public var root: String
    public var hasSettings = false
    /// `name` in comply.yml: what `{{.Name}}` stands for.
    public var name: String?
    public var filePrefix: String?
    /// Ticketing systems configured under `tickets:` (names only; their settings hold credentials).
    public var ticketSystems: [String] = []
    /// Other top-level keys of comply.yml.
    public var otherSettings: [String] = []
    public var documents: [ComplyDocument] = []
    public var standards: [Standard] = []
    public var skipped: [Skipped] = []

    public init(root path: String) throws(ComplyProjectError) {
        let workspace = Workspace(path: path)
        root = workspace.root
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .notAFolder(root)
        }
        let folders = ComplyDocument.Kind.allCases.map(\.folder)
        let hasFolders = folders.contains { Self.isFolder(root + "/" + $0) }
        let settings: [UInt8]?
        do {
            settings = try workspace.read(Self.settingsFile, limit: Self.maxDocumentBytes)
        } catch {
            throw .unreadableSettings("\(error)")
        }
        guard settings != nil || hasFolders else { throw .notAProject(root) }
        if let settings {
            hasSettings = true
            try readSettings(settings)
        }
        for kind in ComplyDocument.Kind.allCases {
            for file in files(in: kind.folder) {
                let path = "\(kind.folder)/\(file)"
                guard let text = read(path, workspace) else { continue }
                do {
                    documents.append(try ComplyDocument(kind: kind, path: path, text: text))
                } catch {
                    skipped.append(Skipped(path: path, reason: error.description))
                }
            }
        }
        for file in files(in: "standards") where file.hasSuffix(".yml") || file.hasSuffix(".yaml") {
            let path = "standards/\(file)"
            guard let text = read(path, workspace) else { continue }
            readStandard(path, text)
        }
    }

    // MARK: - Files

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Markdown and YAML file names in a folder (not below it), sorted; other names go to ``skipped``.
    private mutating func files(in folder: String) -> [String] {
        guard Self.isFolder(root + "/" + folder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)
        else { return [] }
        var result: [String] = []
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        where !name.hasPrefix(".") {
            if name.hasSuffix(".md") || name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                result.append(name)
            } else {
                skipped.append(Skipped(path: "\(folder)/\(name)", reason: "is not a Markdown or YAML document"))
            }
        }
        return result
    }

    /// A document's text; nil with a skip when it is a link, not a regular file, too large or not UTF-8.
    private mutating func read(_ path: String, _ workspace: Workspace) -> String? {
        do {
            guard let bytes = try workspace.read(path, limit: Self.maxDocumentBytes + 1) else { return nil }
            if bytes.count > Self.maxDocumentBytes {
                skipped.append(
                    Skipped(
                        path: path,
                        reason:
                            "is larger than \(Self.maxDocumentBytes >> 10) KiB (Dossier narratives are at most 1 MiB)"))
                return nil
            }
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                skipped.append(Skipped(path: path, reason: "is not UTF-8 text"))
                return nil
            }
            return text
        } catch {
            skipped.append(Skipped(path: path, reason: "\(error)"))
            return nil
        }
    }

    // MARK: - comply.yml and standards

    private mutating func readSettings(_ bytes: [UInt8]) throws(ComplyProjectError) {
        let parsed = YAMLParser.parse(bytes)
        if let problem = parsed.problems.first(where: \.isFatal) {
            throw .unreadableSettings("line \(problem.mark.line), column \(problem.mark.column): \(problem.message)")
        }
        guard let root = parsed.root else { return }
        guard let pairs = root.mapping else { throw .unreadableSettings("is not a mapping of settings") }
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            switch key {
            case "name":
                name = pair.value.scalar.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            case "filePrefix":
                filePrefix = pair.value.scalar
            case "tickets":
                ticketSystems = pair.value.mapping?.compactMap(\.key.scalar) ?? ["tickets"]
            default:
                otherSettings.append(key)
            }
        }
    }

    private mutating func readStandard(_ path: String, _ text: String) {
        let parsed = YAMLParser.parse(text)
        guard parsed.problems.allSatisfy({ !$0.isFatal }), let pairs = parsed.root?.mapping else {
            let problem = parsed.problems.first.map { ": line \($0.mark.line): \($0.message)" } ?? ""
            skipped.append(Skipped(path: path, reason: "is not a readable standard\(problem)"))
            return
        }
        var name = ""
        var keys: [String] = []
        for pair in pairs {
            guard let key = pair.key.scalar else { continue }
            if key == "name" {
                name = pair.value.scalar ?? ""
            } else if pair.value.mapping != nil {
                keys.append(key)
            }
        }
        standards.append(
            Standard(path: path, name: name.isEmpty ? String(path.dropFirst("standards/".count)) : name, keys: keys))
    }
}
