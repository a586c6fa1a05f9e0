#include "HttpTypes.h"

namespace lantern::server {

std::string HttpRequest::header(const std::string &lowerName) const
{
    const auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

} // namespace lantern::server
