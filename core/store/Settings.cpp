#include "Settings.h"

#include "Store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace lantern {

Result<QJsonObject> readSetting(Store &store, const QString &key)
{
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec())
        return store.sqlError(QCoreApplication::translate("Settings", "read your settings"),
                              query.lastError());
    if (!query.next())
        return QJsonObject();
    return QJsonDocument::fromJson(query.value(0).toByteArray()).object();
}

Result<void> writeSetting(Store &store, const QString &key, const QJsonObject &value)
{
    return store.putLocal(LocalTable::Settings, key,
                          {{QStringLiteral("value"), QString::fromUtf8(QJsonDocument(value).toJson(
                                                         QJsonDocument::Compact))}});
}

} // namespace lantern
