/// How far a bundle has got, reported after each chunk read from the workspace.
public struct BundleProgress: Sendable {
    public var bytesDone: Int64
    public var bytesTotal: Int64
    public var filesDone: Int
    public var filesTotal: Int
}
