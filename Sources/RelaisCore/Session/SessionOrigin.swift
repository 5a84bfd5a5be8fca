/// Who opened a session: the visitor through the portal, or an operator through `relais ctl auth`.
public enum SessionOrigin: String, Sendable, Codable {
    case portal
    case `operator`
}
