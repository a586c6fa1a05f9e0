#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace lantern {

// Machine-readable error codes. The message carried alongside is user-facing and translated.
enum class ErrorCode
{
    None,
    InvalidInput,     // validation failed: the message says which field and why
    NotFound,         // the record does not exist (or was deleted)
    Duplicate,        // a unique value is already taken
    Immutable,        // the record is finalised and may not change
    StoreNotSqlite,   // the file is not a SQLite database
    StoreCorrupt,     // the file is damaged
    StoreReadOnly,    // the file or its folder cannot be written
    StoreTooNew,      // written by a newer Lantern
    StoreUnavailable, // could not open or create the file
    StoreBusy,        // another program held the store too long
    Database,         // any other SQLite failure
    Io,               // reading or writing a file failed
};

struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message; // user-facing, already translated
    QString field;   // the input field at fault, when there is one
};

// A value or an error. Core functions that can fail return one of these.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message, QString field = {})
{
    return Error{code, std::move(message), std::move(field)};
}

} // namespace lantern
