import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisWeb

/// Sign-in and sign-out. The sign-in form is bound to the client's address (no session yet).
extension StaffPages {
    func signInPage(_ request: HTTPRequest, _ context: StaffContext) throws -> HTTPResponse {
        if context.agent != nil { return Self.seeOther("/agent", context) }
        return try signInForm(context, login: "", problem: nil)
    }

    /// What went wrong with the last attempt, if anything.
    enum SignInProblem {
        case refused
        case locked(until: Date)
        case expiredForm
    }

    func signInForm(_ context: StaffContext, login: String, problem: SignInProblem?, status: Int = 200) throws -> HTTPResponse {
        var values: [String: Any] = [
            "token": try forms.issue(.staffSignIn, for: .visitor(ipAddress: context.clientAddress), now: clock()),
            "login": login,
        ]
        switch problem {
        case .refused: values["refused"] = true
        case .expiredForm: values["expiredForm"] = true
        case .locked(let until):
            values["lockedMessage"] = templates.messages[context.language].format("staff.sign_in.locked", ["time": timeText(until)])
        case nil: break
        }
        return try page("staff/sign-in", values, context: context, path: "/agent/connexion", status: status)
    }

    func signIn(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        let form = try formFields(request)
        let login = RosterText.trimmed(form["login"] ?? "")
        let now = clock()
        switch forms.spend(form["token"] ?? "", .staffSignIn, from: .visitor(ipAddress: context.clientAddress), now: now) {
        case .accepted: break
        case .unavailable(let error): throw error
        case .refused(let refusal):
            logger.info("staff form refused", metadata: ["staff.token": "\(refusal.rawValue)"])
            return try signInForm(context, login: login, problem: .expiredForm, status: 403)
        }
        switch try await authenticator.signIn(login: login, password: form["password"] ?? "", address: context.clientAddress, now: now) {
        case .signedIn(_, let token):
            var response = Self.seeOther("/agent", context)
            response.setCookie(StaffSessionCookie.setting(token, secure: context.isSecure))
            return response
        case .refused:
            return try signInForm(context, login: login, problem: .refused, status: 401)
        case .locked(let until):
            var response = try signInForm(context, login: login, problem: .locked(until: until), status: 429)
            response.headers.append(("Retry-After", "\(max(1, Int(until.timeIntervalSince(now).rounded(.up))))"))
            return response
        }
    }

    func signOut(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffSignOut) { agent, _ in
            if let key = context.sessionKey, let digest = Hex.decode(key) {
                try await store.closeStaffSession(tokenHash: digest)
            }
            logger.info("staff signed out", metadata: ["staff.agent": "\(agent.id)"])
            var response = Self.seeOther("/agent/connexion", context)
            response.setCookie(StaffSessionCookie.deletion(secure: context.isSecure))
            return response
        }
    }
}
