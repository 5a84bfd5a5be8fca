/// What the visitor's form said about optional consent: the boxes ticked (none by default) and the
/// notice the page showed.
public struct ConsentChoice: Sendable, Equatable {
    public var ticked: Set<String>
    public var notice: NoticeShown

    public init(ticked: Set<String>, notice: NoticeShown) {
        self.ticked = ticked
        self.notice = notice
    }
}
