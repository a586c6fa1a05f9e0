#pragma once

#include "domain/Result.h"

#include <QJsonObject>
#include <QString>

namespace lantern {

class Store;

// Settings of this laptop's store (never synced): one JSON object per key.
// A key never written reads as an empty object.
Result<QJsonObject> readSetting(Store &store, const QString &key);
Result<void> writeSetting(Store &store, const QString &key, const QJsonObject &value);

} // namespace lantern
