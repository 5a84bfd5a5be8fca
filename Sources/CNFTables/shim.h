#ifndef RELAIS_CNFTABLES_SHIM_H
#define RELAIS_CNFTABLES_SHIM_H
#include <stdio.h>
#include <nftables/libnftables.h>
#endif
