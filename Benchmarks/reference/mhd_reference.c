/* Plain-C libmicrohttpd reference for the relais benchmark: the same answers as relais's hot paths,
   with nothing else. Foreign Host -> 302 to the portal with ?continue=<original URL>; portal Host,
   path "/" -> the static portal HTML read from a file. Same MHD setup as relais: internal polling
   thread + epoll + thread pool of 2, same connection limits, two-call keep-alive pattern.
   With an empty portal host ("-"), it plays the "internet": 204 for /generate_204, 200 otherwise.
   Usage: mhd_reference PORT PORTAL_HOST PORTAL_URL HTML_FILE   (or: mhd_reference PORT - - -) */
#include <microhttpd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *portal_host, *portal_url;
static char *page; static size_t page_len;
static const char *csp = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
                         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static void encode(const char *in, char *out, size_t cap) { /* RFC 3986 unreserved stay */
  static const char *hex = "0123456789ABCDEF"; size_t o = 0;
  for (; *in && o + 4 < cap; in++) {
    unsigned char c = (unsigned char) *in;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c)) out[o++] = c;
    else { out[o++] = '%'; out[o++] = hex[c >> 4]; out[o++] = hex[c & 15]; }
  }
  out[o] = 0;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  static int marker;
  (void) cls; (void) method; (void) version; (void) upload;
  if (*con_cls == NULL) { *con_cls = &marker; return MHD_YES; } /* first call: headers only (keep-alive) */
  if (*upload_size) { *upload_size = 0; return MHD_YES; }
  const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
  struct MHD_Response *r; unsigned status;
  if (portal_host == NULL) { /* internet mode */
    status = strncmp(url, "/generate_204", 13) == 0 ? 204 : 200;
    r = MHD_create_response_from_buffer(status == 204 ? 0 : 8, (void *) "internet", MHD_RESPMEM_PERSISTENT);
  } else if (host == NULL || strncmp(host, portal_host, strlen(portal_host)) != 0
             || (host[strlen(portal_host)] != 0 && host[strlen(portal_host)] != ':')) {
    char original[2100], location[8200];
    snprintf(original, sizeof original, "http://%s%s", host ? host : "", url);
    strcpy(location, portal_url); strcat(location, "?continue=");
    encode(original, location + strlen(location), sizeof location - strlen(location));
    r = MHD_create_response_from_buffer(0, (void *) "", MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Location", location);
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
    status = 302;
  } else {
    r = MHD_create_response_from_buffer(page_len, page, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    status = 200;
  }
  enum MHD_Result ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: %s PORT PORTAL_HOST PORTAL_URL HTML_FILE\n", argv[0]); return 2; }
  if (strcmp(argv[2], "-") != 0) {
    portal_host = argv[2]; portal_url = argv[3];
    FILE *f = fopen(argv[4], "rb");
    if (!f) { perror(argv[4]); return 1; }
    fseek(f, 0, SEEK_END); page_len = (size_t) ftell(f); rewind(f);
    page = malloc(page_len + 1);
    if (fread(page, 1, page_len, f) != page_len) { perror("read"); return 1; }
    fclose(f);
  }
  struct MHD_Daemon *d = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_USE_DUAL_STACK * (portal_host == NULL),
      (uint16_t) atoi(argv[1]), NULL, NULL, answer, NULL,
      MHD_OPTION_THREAD_POOL_SIZE, 2u, MHD_OPTION_CONNECTION_LIMIT, 1024u,
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, 32u, MHD_OPTION_CONNECTION_TIMEOUT, 15u,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) 16384, MHD_OPTION_END);
  if (!d) { fprintf(stderr, "MHD_start_daemon failed\n"); return 1; }
  sigset_t s; sigemptyset(&s); sigaddset(&s, SIGTERM); sigaddset(&s, SIGINT);
  sigprocmask(SIG_BLOCK, &s, NULL);
  int sig; sigwait(&s, &sig);
  MHD_stop_daemon(d);
  return 0;
}
