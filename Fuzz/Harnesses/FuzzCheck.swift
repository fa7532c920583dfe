/// A property a harness asserts about the product's answer: a failure traps, so libFuzzer
/// keeps the input as a crash and the replay test fails on it.
enum FuzzCheck {
    /// Traps with `message` when `condition` is false.
    /// - Parameters:
    ///   - condition: The property.
    ///   - message: What broke, for the crash log.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz property broken: \(message())") }
    }
}
