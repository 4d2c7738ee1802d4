/// `vendors.yaml`: the vendor inventory (format version 1).
public struct VendorRegister: Sendable {
    public static let file = "vendors.yaml"

    public var vendors: [Vendor] = []

    public init() {}

    /// Vendors that process personal data on the organisation's behalf, in register order.
    public var subprocessors: [Vendor] { vendors.filter(\.subprocessor) }
}
