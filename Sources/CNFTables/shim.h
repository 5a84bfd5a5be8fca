#ifndef RELAIS_CNFTABLES_SHIM_H
#define RELAIS_CNFTABLES_SHIM_H
#include <stdio.h>
#include <nftables/libnftables.h>
/* The sweep reads set elements over its own nf_tables netlink socket (NFTablesSetReader). */
#include <sys/socket.h>
#include <linux/netlink.h>
#endif
