#include "HttpParsing.h"

#include <cstdio>

namespace lantern::server::detail {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isTokenChar(char c)
{
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

} // namespace

SplitTarget splitTarget(std::string_view target)
{
    // Absolute form: drop "scheme://authority".
    if (const auto scheme = target.find("://");
        scheme != std::string_view::npos && !target.starts_with('/')) {
        const auto pathStart = target.find_first_of("/?#", scheme + 3);
        target =
            pathStart == std::string_view::npos ? std::string_view("/") : target.substr(pathStart);
    }
    if (const auto hash = target.find('#'); hash != std::string_view::npos)
        target = target.substr(0, hash);

    SplitTarget result;
    const auto question = target.find('?');
    if (question == std::string_view::npos) {
        result.path = std::string(target);
    } else {
        result.path = std::string(target.substr(0, question));
        result.query = std::string(target.substr(question + 1));
    }
    if (result.path.empty())
        result.path = "/";
    return result;
}

std::string percentDecode(std::string_view text, bool plusAsSpace)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high >= 0 && low >= 0) {
                out.push_back(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        out.push_back(plusAsSpace && c == '+' ? ' ' : c);
    }
    return out;
}

std::map<std::string, std::string> parseQuery(std::string_view query)
{
    std::map<std::string, std::string> result;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        std::string name = percentDecode(pair.substr(0, eq), true);
        std::string value =
            eq == std::string_view::npos ? std::string() : percentDecode(pair.substr(eq + 1), true);
        result.try_emplace(std::move(name), std::move(value));
    }
    return result;
}

std::string jsonError(std::string_view code, std::string_view message)
{
    const auto escape = [](std::string_view text) {
        std::string out;
        out.reserve(text.size() + 2);
        for (const char c : text) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out.push_back(c);
                }
            }
        }
        return out;
    };
    return "{\"code\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}";
}

std::string toLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool isHeaderName(std::string_view name)
{
    if (name.empty())
        return false;
    for (const char c : name) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool isHeaderValue(std::string_view value)
{
    return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

} // namespace lantern::server::detail
