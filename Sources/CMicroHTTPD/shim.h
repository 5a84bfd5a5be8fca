#ifndef RELAIS_CMICROHTTPD_SHIM_H
#define RELAIS_CMICROHTTPD_SHIM_H
#include <stdint.h>
#include <stdarg.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* MHD_start_daemon is variadic and cannot be called from Swift: this fixed-signature
   wrapper passes every option through one MHD_OPTION_ARRAY. */
static inline struct MHD_Daemon *relais_mhd_start(unsigned int flags, uint16_t port,
        MHD_AccessHandlerCallback handler, void *handler_cls,
        struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}
#endif
