#ifndef RELAIS_CQRENCODE_SHIM_H
#define RELAIS_CQRENCODE_SHIM_H
// libqrencode (Debian libqrencode-dev): text to a QR symbol's matrix. Built with pthread on Debian,
// so encoding is thread-safe.
#include <qrencode.h>
#endif
