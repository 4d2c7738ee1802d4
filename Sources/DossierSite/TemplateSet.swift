import DossierCore
import DossierGit
import Foundation

/// The page templates and assets a site is rendered with: the built-in set, overridden file by file by a
/// workspace's `templates/` folder (or `--templates DIR`).
///
/// `NAME.mustache` files are templates, registered as `NAME` (a file in a subfolder as `sub/NAME`), so any of
/// them can be used as a partial (`{{> NAME}}`); files under `assets/` are copied into the site as they are.
/// Anything else in the folder (a README, say) is ignored. See `templates/README.md` for the data each
/// template receives.
public struct TemplateSet: Sendable {
    /// The templates every site needs; each has a built-in version.
    public static let pageTemplates = [
        "layout", "dashboard", "criteria", "criterion", "controls", "control", "narratives", "narrative", "evidence",
        "gaps", "risks", "vendors", "subprocessors", "policies", "policy", "requests",
    ]
    public static let templateExtension = ".mustache"
    public static let assetsFolder = "assets"
    /// Largest template or asset read from an override folder.
    public static let maxFileBytes = 4 << 20
    /// Largest total of an override folder.
    public static let maxTotalBytes = 32 << 20

    /// Template name → source text.
    public private(set) var templates: [String: String]
    /// Site path (`assets/…`) → bytes.
    public private(set) var assets: [String: [UInt8]]
    /// Where each overridden file came from (name or asset path → path shown in diagnostics).
    public private(set) var overrides: [String: String]
    let renderer: MustacheRenderer

    /// The set compiled into the binary.
    public static var builtin: TemplateSet {
        var templates: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        for (path, text) in BuiltinTemplates.files {
            if path.hasPrefix(assetsFolder + "/") {
                assets[path] = Array(text.utf8)
            } else if path.hasSuffix(templateExtension) {
                templates[String(path.dropLast(templateExtension.count))] = text
            }
        }
        // The built-in templates parse: a test renders every page with them.
        return TemplateSet(templates: templates, assets: assets, overrides: [:], log: DiagnosticLog())
    }

    init(
        templates: [String: String], assets: [String: [UInt8]], overrides: [String: String],
        log: DiagnosticLog
    ) {
        self.templates = templates
        self.assets = assets
        self.overrides = overrides
        var parsed: [String: MustacheTemplate] = [:]
        for name in templates.keys.sorted() {
            do {
                parsed[name] = try MustacheTemplate(templates[name]!)
            } catch {
                log.report(
                    Diagnostic(
                        .error, .templateSyntax, "template `\(name)` does not parse: \(error.message)",
                        file: overrides[name] ?? "built-in \(name)\(Self.templateExtension)",
                        line: error.line, column: error.column, hint: error.hint))
            }
        }
        self.renderer = MustacheRenderer(templates: parsed)
    }

    /// The built-in set overridden by `overrideDirectory` (absolute or relative to the current folder) when
    /// given, else by the workspace's `templates/` folder when it exists.
    public static func load(workspace: Workspace, overrideDirectory: String?, into log: DiagnosticLog) -> TemplateSet {
        let base = builtin
        var templates = base.templates
        var assets = base.assets
        var overrides: [String: String] = [:]
        let directory: String
        if let overrideDirectory {
            directory = URL(fileURLWithPath: overrideDirectory).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else {
                log.report(
                    Diagnostic(
                        .error, .templateFolderMissing, "template folder `\(overrideDirectory)` does not exist",
                        hint: "pass a folder holding NAME.mustache files and assets/"))
                return base
            }
        } else {
            directory = workspace.root + "/templates"
            guard workspace.isDirectory("templates") else { return base }
        }
        let shown = { (relative: String) -> String in
            directory.hasPrefix(workspace.root + "/")
                ? String(directory.dropFirst(workspace.root.count + 1)) + "/" + relative
                : directory + "/" + relative
        }
        // The folder is read as a whole by every build, so the unchanged-build check digests all of it.
        let folder = WorkspaceFiles(root: directory)
        var total = 0
        for relative in listFiles(folder, log, shown: shown) {
            let isAsset = relative.hasPrefix(assetsFolder + "/")
            let isTemplate = !isAsset && relative.hasSuffix(templateExtension)
            guard isAsset || isTemplate else { continue }
            let bytes: [UInt8]
            do {
                let file = try folder.open(Array(relative.utf8))
                guard file.size <= Int64(maxFileBytes), total + Int(file.size) <= maxTotalBytes else {
                    log.report(
                        Diagnostic(
                            .error, .templateTooLarge, "template file is \(file.size) bytes, over the limit",
                            file: shown(relative),
                            hint:
                                "templates and assets may be \(maxFileBytes >> 20) MiB each, \(maxTotalBytes >> 20) MiB in all"
                        ))
                    continue
                }
                bytes = try file.prefix(Int(file.size))
                total += bytes.count
            } catch {
                log.report(
                    Diagnostic(.error, .templateUnreadable, "template file \(error)", file: shown(relative)))
                continue
            }
            if isAsset {
                assets[relative] = bytes
                overrides[relative] = shown(relative)
            } else {
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    log.report(
                        Diagnostic(
                            .error, .templateNotUTF8, "template is not UTF-8", file: shown(relative),
                            hint: "save it as UTF-8"))
                    continue
                }
                let name = String(relative.dropLast(templateExtension.count))
                templates[name] = text
                overrides[name] = shown(relative)
            }
        }
        return TemplateSet(templates: templates, assets: assets, overrides: overrides, log: log)
    }

    /// Renders template `name` with `data`; nil when no such template was registered (or it did not parse).
    func render(_ name: String, _ data: TemplateValue) -> String? {
        renderer.render(name, data)
    }

    // MARK: - Helpers

    /// Relative paths of the regular files under `directory`, sorted, hidden names and links skipped.
    static func listFiles(_ folder: WorkspaceFiles, _ log: DiagnosticLog, shown: (String) -> String) -> [String] {
        var result: [String] = []
        var queue = [""]
        while let relative = queue.popLast() {
            for name in folder.list(relative) ?? [] where !name.hasPrefix(".") {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard let type = folder.kind(child) else { continue }
                switch type {
                case .folder: queue.append(child)
                case .file: result.append(child)
                case .link:
                    log.report(
                        Diagnostic(
                            .warning, .templateSymlink, "template file is a symbolic link and is skipped",
                            file: shown(child),
                            hint: "Dossier never follows links; copy the file instead"))
                default: break
                }
                if result.count > 10_000 { return result.sorted() }
            }
        }
        return result.sorted()
    }
}
