#include "scenecraft/llm/http_transport.h"

#include <curl/curl.h>

#include <chrono>
#include <mutex>

#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Where the body goes, and how much of it is accepted.
struct BodySink {
  std::string* body;
  size_t max_bytes;  // 0: no limit
  bool* too_large;
};

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<BodySink*>(user);
  const size_t n = size * count;
  if (sink->max_bytes > 0 && sink->body->size() + n > sink->max_bytes) {
    *sink->too_large = true;
    return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* user) {
  const std::string_view line(data, size * count);
  const size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    auto* headers = static_cast<std::map<std::string, std::string>*>(user);
    (*headers)[ToLower(Trim(line.substr(0, colon)))] = std::string(Trim(line.substr(colon + 1)));
  }
  return size * count;
}

}  // namespace

CurlTransport::CurlTransport() {
  GlobalInitOnce();
  curl_ = curl_easy_init();
  if (curl_ == nullptr) throw Error("libcurl: curl_easy_init failed");
}

CurlTransport::~CurlTransport() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse CurlTransport::Post(const HttpRequest& request) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  HttpResponse response;
  const auto start = std::chrono::steady_clock::now();

  // Set up the transfer: POST body, headers, timeouts; no signals (threads), no redirects to
  // other hosts with our key.
  curl_slist* headers = nullptr;
  for (const auto& [name, value] : request.headers) {
    headers = curl_slist_append(headers, (name + ": " + value).c_str());
  }
  // No "Expect: 100-continue" round trip before large bodies (images): servers answer at once.
  headers = curl_slist_append(headers, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(request.connect_timeout_s * 1000));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout_s * 1000));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  BodySink sink{&response.body, request.max_body_bytes, &response.too_large};
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  if (request.max_body_bytes > 0) {
    // A Content-Length beyond the limit is refused before the body comes.
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(request.max_body_bytes));
  }
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &AppendHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  if (!request.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, request.ca_file.c_str());

  // Run it and translate failures into words (libcurl's messages name no secrets).
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  response.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (code != CURLE_OK) {
    response.status = 0;
    response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    response.error = std::string(curl_easy_strerror(code));
    if (code == CURLE_FILESIZE_EXCEEDED) response.too_large = true;
    if (response.too_large) {
      response.error =
          "the reply is larger than " + std::to_string(request.max_body_bytes) + " bytes";
      response.permanent = true;
      return response;
    }
    if (code == CURLE_PARTIAL_FILE || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING) {
      response.error += " (the connection was dropped before the reply was complete)";
    }
    if (code == CURLE_PEER_FAILED_VERIFICATION || code == CURLE_SSL_CACERT_BADFILE) {
      response.permanent = true;
      response.error +=
          " (the server's TLS certificate is not trusted: give its CA certificate "
          "as \"ca_file\" in the LLM config)";
    }
    return response;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  return response;
}

}  // namespace scenecraft
