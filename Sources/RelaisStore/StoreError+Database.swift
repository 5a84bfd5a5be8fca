import CSQLite

extension StoreError {
    /// Turns any error from SQLite (or from our own row decoding) into a `StoreError`: the one funnel
    /// every database access goes through.
    init(operation: String, _ error: any Error) {
        switch error {
        case let error as StoreError:
            self = error
        case let error as SQLiteError:
            self.init(operation: operation, sqliteError: error)
        case is CancellationError:
            self.init(.cancelled, "Opération « \(operation) » annulée.")
        default:
            self.init(.sqlite, "Échec inattendu de « \(operation) » : \(type(of: error)).")
        }
    }

    /// SQLite's own message names the constraint or the failing step, never the bound values (the
    /// adapter keeps neither statement arguments nor SQL in its errors), so it is safe to keep.
    private init(operation: String, sqliteError error: SQLiteError) {
        let detail = " (\(operation) : \(error.message))"
        let (code, text): (Code, String) = switch error.resultCode {
        case SQLITE_FULL: (.diskFull, "Disque plein : rien n'a été écrit, les données précédentes sont intactes.")
        case SQLITE_READONLY: (.readOnly, "Base de données en lecture seule : rien n'a été écrit.")
        case SQLITE_BUSY, SQLITE_LOCKED: (.busy, "Base de données occupée par un autre processus.")
        case SQLITE_CONSTRAINT: (.constraint, "Écriture refusée par une contrainte du schéma.")
        case SQLITE_CORRUPT, SQLITE_NOTADB: (.corrupt, "Fichier de base de données endommagé ou invalide.")
        case SQLITE_CANTOPEN: (.cannotOpen, "Impossible d'ouvrir le fichier de base de données.")
        case SQLITE_IOERR: (.io, "Erreur d'entrée-sortie sur la base de données.")
        default: (.sqlite, "Erreur SQLite.")
        }
        self.init(code, text + detail, sqliteCode: error.extendedCode)
    }
}
