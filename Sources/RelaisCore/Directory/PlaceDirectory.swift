/// Where the box's directory of places of help is kept (the store; an in-memory list in tests).
public protocol PlaceDirectory: Sendable {
    /// Every place of the current directory, in no particular order.
    func places() async throws -> [Place]
}
