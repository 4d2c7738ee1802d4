import DossierArchive

/// One pass over an archive's entries: judges each header, hashes each regular file, keeps tag files.
struct EntryScan {
    struct Payload {
        var size: Int64
        var digests: Digests
    }

    struct TagFile {
        var bytes: [UInt8]
        var digests: Digests
    }

    let limits: VerifyLimits
    let archiveSize: Int64

    /// The bag's folder: the first component of the first entry.
    private(set) var root: [UInt8]?
    /// `data/…` path (relative to the bag folder) → what was read. Keyed by bytes: Swift `String` equality
    /// would merge NFC and NFD spellings that a manifest must match exactly.
    private(set) var payload: [[UInt8]: Payload] = [:]
    /// Top-level file name (bytes) → contents.
    private(set) var tagFiles: [[UInt8]: TagFile] = [:]
    private(set) var problems: [String] = []
    /// Set when reading stopped early (a damaged or hostile archive): the bag is not evaluated then.
    private(set) var stopped = false

    private var exactNames = Set<[UInt8]>()
    private var foldedNames: [String: String] = [:]
    private var entries = 0
    private var totalRead: Int64 = 0
    private let overlap = DigestOverlap()

    init(limits: VerifyLimits, archiveSize: Int64) {
        self.limits = limits
        self.archiveSize = archiveSize
    }

    mutating func run(_ reader: ArchiveReader) throws {
        let chunk = 1 << 20
        let front = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        let back = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer {
            front.deallocate()
            back.deallocate()
        }
        var last: String?
        while !stopped {
            let header: ArchiveEntryHeader?
            do {
                header = try reader.nextEntry()
            } catch {
                // Nothing recognisable at all is "cannot read" (exit 2); damage after a good entry is a verdict.
                if last == nil { throw VerifyError(message: "not a zip or tar.gz archive: \(error)") }
                stop("the archive is damaged after `\(last!)`: \(error)")
                break
            }
            guard let header else { break }
            last = header.path
            entries += 1
            if entries > limits.maxEntries {
                stop("the archive has more than \(limits.maxEntries) entries; verification stopped")
                break
            }
            guard let kind = classify(header) else { continue }
            if let declared = header.size, declared > limits.maxEntryBytes {
                stop(
                    "`\(header.path)` is over-large (\(declared) bytes declared, the limit is \(limits.maxEntryBytes)); verification stopped"
                )
                break
            }
            do {
                try read(header, kind, reader, front, back)
            } catch {
                stop("the archive is damaged at `\(header.path)`: \(error)")
            }
        }
        if root == nil && !stopped { problems.append("the archive is empty") }
    }

    private enum Kind {
        case payload([UInt8])
        case tag([UInt8])
        case other
    }

    /// Judges a header; nil when the entry is refused or needs no reading (directories).
    private mutating func classify(_ header: ArchiveEntryHeader) -> Kind? {
        let display = header.path
        if let problem = EntryName.problem(header.pathBytes) {
            problems.append("`\(display)` \(problem)")
            return nil
        }
        switch header.type {
        case .regularFile, .directory: break
        case .symbolicLink:
            problems.append(
                "`\(display)` is a symbolic link (to `\(header.symlinkTarget ?? "?")`); a bundle holds only files and folders"
            )
            return nil
        case .hardLink:
            problems.append(
                "`\(display)` is a hard link (to `\(header.hardlinkTarget ?? "?")`); a bundle holds only files and folders"
            )
            return nil
        case .other:
            problems.append("`\(display)` is not a regular file or folder (a device, FIFO or socket)")
            return nil
        }
        let name = EntryName.trimmed(header.pathBytes)
        guard exactNames.insert(name).inserted else {
            problems.append("`\(display)` appears more than once")
            return nil
        }
        let text = String(decoding: name, as: UTF8.self)
        let key = BagPath.collisionKey(text)
        if let other = foldedNames[key] {
            problems.append(
                "`\(display)` and `\(other)` are the same name on macOS and Windows (case or Unicode normalisation)")
            return nil
        }
        foldedNames[key] = text
        let parts = name.split(separator: UInt8(ascii: "/"), maxSplits: 1)
        if root == nil { root = Array(parts[0]) }
        guard parts[0].elementsEqual(root!) else {
            problems.append("`\(display)` lies outside the bag's folder `\(String(decoding: root!, as: UTF8.self))`")
            return nil
        }
        guard header.type == .regularFile else { return nil }
        guard parts.count == 2 else {
            problems.append("`\(display)` is a file where the bag's folder should be")
            return nil
        }
        let relative = Array(parts[1])
        if relative.starts(with: Array((BundleLayout.payloadFolder + "/").utf8)) { return .payload(relative) }
        if !relative.contains(UInt8(ascii: "/")) { return .tag(relative) }
        return .other
    }

    private mutating func read(
        _ header: ArchiveEntryHeader, _ kind: Kind, _ reader: ArchiveReader,
        _ front: UnsafeMutableRawBufferPointer, _ back: UnsafeMutableRawBufferPointer
    ) throws {
        var pair = DigestPair()
        var kept: [UInt8]? = nil
        if case .tag = kind { kept = [] }
        var size: Int64 = 0
        var (current, next) = (front, back)
        var n = try reader.read(into: current)
        while n > 0 {
            size += Int64(n)
            totalRead += Int64(n)
            if size > limits.maxEntryBytes || totalRead > limits.maxTotalBytes {
                stop(
                    "`\(header.path)` is over-large (more than \(min(limits.maxEntryBytes, limits.maxTotalBytes)) bytes); verification stopped"
                )
                return
            }
            if totalRead > limits.ratioAllowance && totalRead / max(archiveSize, 1) > limits.maxCompressionRatio {
                stop(
                    "`\(header.path)` is over-compressed (more than \(limits.maxCompressionRatio) bytes unpacked per byte of archive, a zip bomb); verification stopped"
                )
                return
            }
            if kept != nil {
                if kept!.count + n > limits.maxTagFileBytes {
                    problems.append(
                        "`\(header.path)` is over-large for a tag file (more than \(limits.maxTagFileBytes) bytes)")
                    kept = nil
                } else {
                    kept! += UnsafeRawBufferPointer(rebasing: current[..<n])
                }
            }
            // Hash this chunk on the other core while libarchive inflates the next one into the other buffer.
            var following = 0
            let target = next
            try overlap.run(
                UnsafeRawBufferPointer(rebasing: current[..<n]), background: { pair.update($0) },
                foreground: { _ in following = try reader.read(into: target) })
            swap(&current, &next)
            n = following
        }
        if let declared = header.size, declared != size {
            problems.append("`\(header.path)` holds \(size) bytes but its header declares \(declared)")
        }
        let digests = pair.finalize()
        switch kind {
        case .payload(let relative): payload[relative] = Payload(size: size, digests: digests)
        case .tag(let name): if let kept { tagFiles[name] = TagFile(bytes: kept, digests: digests) }
        case .other:
            problems.append("`\(header.path)` is neither payload (under data/) nor a tag file; no manifest lists it")
        }
    }

    private mutating func stop(_ problem: String) {
        problems.append(problem)
        stopped = true
    }
}
