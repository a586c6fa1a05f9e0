#pragma once

#include <map>
#include <string>
#include <string_view>

// Small text helpers of the HTTP layer: request targets, query strings and JSON error bodies.
// Internal to server/http; pure functions, safe on any thread.

namespace lantern::server::detail {

// "/a/b?x=1#f" -> path "/a/b", query "x=1". An absolute-form target
// ("http://host/a?x=1") gives the same path and query.
struct SplitTarget
{
    std::string path;
    std::string query;
};
SplitTarget splitTarget(std::string_view target);

// Decodes %XX escapes (and '+' as a space when plusAsSpace); a malformed escape stays as it is.
std::string percentDecode(std::string_view text, bool plusAsSpace);

// "a=1&b=x%20y&c" -> {a:"1", b:"x y", c:""}. The first occurrence of a name wins.
std::map<std::string, std::string> parseQuery(std::string_view query);

// {"code":"...","message":"..."} with both strings escaped for JSON.
std::string jsonError(std::string_view code, std::string_view message);

std::string toLower(std::string_view text);

// True when the text may go into a header name (an RFC 9110 token) or value (no CR, LF, NUL).
bool isHeaderName(std::string_view name);
bool isHeaderValue(std::string_view value);

} // namespace lantern::server::detail
