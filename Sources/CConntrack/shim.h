#ifndef RELAIS_CCONNTRACK_SHIM_H
#define RELAIS_CCONNTRACK_SHIM_H
#include <stdint.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <libnetfilter_conntrack/libnetfilter_conntrack.h>
#endif
