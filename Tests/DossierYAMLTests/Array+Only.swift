extension Array {
    /// The single element, or nil when there are none or several: `problems.only?.kind`
    /// checks both that there is exactly one problem and what it is.
    var only: Element? { count == 1 ? first : nil }
}
