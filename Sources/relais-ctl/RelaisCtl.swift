import Glibc
import RelaisControlCLI

/// `relais-ctl`: the same client as `relais ctl`, in a binary that links no C library, so a single call
/// is not spent loading the daemon's (GnuTLS's constructors alone cost milliseconds). Its help and
/// messages read « relais ctl », like the command it stands for. The common `auth MAC` form skips
/// ArgumentParser (`QuickCall`); `relais ctl` always parses, so the tests compare the two paths.
@main
enum RelaisCtl {
    static func main() {
        if let code = QuickCall.run(Array(CommandLine.arguments.dropFirst())) { exit(code) }
        CtlCommand.main()
    }
}
