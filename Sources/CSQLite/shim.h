#ifndef RELAIS_CSQLITE_SHIM_H
#define RELAIS_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT casts -1 to a function pointer, a macro Swift cannot import: this helper binds text
// that SQLite copies before returning, so the Swift string's buffer may go away right after the call.
static inline int relais_sqlite3_bind_text_transient(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

// The same for a blob: SQLite copies the bytes before returning.
static inline int relais_sqlite3_bind_blob_transient(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}
#endif
