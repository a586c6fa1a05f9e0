#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QUuid>
#include <QVariant>

#include <optional>

// How values are written in the store (and in the sync protocol): dates as yyyy-MM-dd,
// times as UTC ISO 8601 with milliseconds, ids as UUIDs without braces, lists as JSON.
namespace lantern::storeValue {

inline QVariant fromDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

inline QVariant fromTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

inline QVariant fromId(const QUuid &id)
{
    return id.isNull() ? QVariant() : QVariant(id.toString(QUuid::WithoutBraces));
}

inline QVariant fromOptionalBool(const std::optional<bool> &value)
{
    return value ? QVariant(*value ? 1 : 0) : QVariant();
}

inline QVariant fromOptionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant();
}

inline QVariant fromIdList(const QList<QUuid> &ids)
{
    QJsonArray array;
    for (const QUuid &id : ids)
        array.append(id.toString(QUuid::WithoutBraces));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

inline QDate toDate(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

inline QDateTime toTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

inline QUuid toId(const QVariant &value)
{
    return value.isNull() ? QUuid() : QUuid::fromString(value.toString());
}

inline std::optional<bool> toOptionalBool(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt() != 0;
}

inline std::optional<int> toOptionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toInt();
}

inline QList<QUuid> toIdList(const QVariant &value)
{
    QList<QUuid> ids;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const auto &item : array) {
        const QUuid id = QUuid::fromString(item.toString());
        if (!id.isNull())
            ids.append(id);
    }
    return ids;
}

} // namespace lantern::storeValue
