#ifndef RELAIS_CMICROHTTPD_SHIM_H
#define RELAIS_CMICROHTTPD_SHIM_H
#include <stdint.h>
#include <stdarg.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

/* MHD_start_daemon is variadic and cannot be called from Swift: this fixed-signature
   wrapper passes every option through one MHD_OPTION_ARRAY. */
static inline struct MHD_Daemon *relais_mhd_start(unsigned int flags, uint16_t port,
        MHD_AccessHandlerCallback handler, void *handler_cls,
        struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* Option items whose first argument is a function pointer: MHD_OPTION_ARRAY wants it cast
   to intptr_t, which Swift cannot do without unsafeBitCast. */
static inline struct MHD_OptionItem relais_mhd_option_completed(MHD_RequestCompletedCallback callback, void *cls) {
    struct MHD_OptionItem item = { MHD_OPTION_NOTIFY_COMPLETED, (intptr_t) callback, cls };
    return item;
}

typedef void *(*relais_mhd_uri_log_callback)(void *cls, const char *uri, struct MHD_Connection *connection);

static inline struct MHD_OptionItem relais_mhd_option_uri_log(relais_mhd_uri_log_callback callback, void *cls) {
    struct MHD_OptionItem item = { MHD_OPTION_URI_LOG_CALLBACK, (intptr_t) callback, cls };
    return item;
}

static inline struct MHD_OptionItem relais_mhd_option_logger(MHD_LogCallback callback, void *cls) {
    struct MHD_OptionItem item = { MHD_OPTION_EXTERNAL_LOGGER, (intptr_t) callback, cls };
    return item;
}

static inline struct MHD_OptionItem relais_mhd_option_notify_connection(MHD_NotifyConnectionCallback callback, void *cls) {
    struct MHD_OptionItem item = { MHD_OPTION_NOTIFY_CONNECTION, (intptr_t) callback, cls };
    return item;
}

/* MHD_get_connection_info and MHD_get_daemon_info are variadic too. */
/* The connection's socket, or -1. */
static inline int relais_mhd_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

/* Pool records of the request: header fields, cookies and query arguments. The kinds are flags
   that Swift's import of the enum cannot combine. */
static inline int relais_mhd_count_records(struct MHD_Connection *connection) {
    return MHD_get_connection_values(connection,
        (enum MHD_ValueKind) (MHD_HEADER_KIND | MHD_COOKIE_KIND | MHD_GET_ARGUMENT_KIND), NULL, NULL);
}

/* Bytes of the request line and header lines as received, or 0 before they are complete. */
static inline size_t relais_mhd_request_header_size(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE);
    return info == NULL ? 0 : info->header_size;
}

static inline const struct sockaddr *relais_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

/* The bound port, or 0 when MHD cannot tell. */
static inline uint16_t relais_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

#endif
