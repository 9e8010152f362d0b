// The HTTP seam of the LLM client (STYLE.md rule 6): ChatClient talks to a server only through an
// HttpTransport, so unit tests inject a fake and integration tests use CurlTransport against a
// real local server.
#pragma once

#include <map>
#include <string>

namespace scenecraft {

struct HttpRequest {
  std::string url;                             // absolute http:// or https:// URL
  std::map<std::string, std::string> headers;  // name -> value (the Authorization header too)
  std::string body;                            // sent with POST
  double connect_timeout_s = 10.0;             // time to establish the connection
  double total_timeout_s = 120.0;              // time for the whole exchange
  std::string ca_file;  // PEM file of CA certificates to trust for HTTPS; empty: the system's
  // A response body longer than this is refused while it is read (`too_large`); 0: no limit.
  size_t max_body_bytes = 0;
};

struct HttpResponse {
  // The HTTP status, or 0 when no complete response arrived (see `error`).
  int status = 0;
  // Header names in lower case.
  std::map<std::string, std::string> headers;
  std::string body;
  // Why the exchange failed at the transport level (refused, timed out, connection dropped);
  // empty when a complete response arrived.
  std::string error;
  // True when the failure was a timeout (connect or total).
  bool timed_out = false;
  // True when retrying cannot help (the server's TLS certificate is not trusted).
  bool permanent = false;
  // True when the body passed the request's max_body_bytes; `body` then holds only its start.
  bool too_large = false;
  double wall_s = 0.0;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  // Sends one POST. Never throws for network failures: they are reported in `error`.
  virtual HttpResponse Post(const HttpRequest& request) = 0;
};

// libcurl (HTTP and HTTPS, system CA certificates). Thread-compatible: one transfer at a time.
class CurlTransport : public HttpTransport {
 public:
  CurlTransport();
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;
  HttpResponse Post(const HttpRequest& request) override;

 private:
  void* curl_ = nullptr;  // CURL*, kept so connections are reused
};

}  // namespace scenecraft
