#include "FcaProfile.h"

#include "store/Settings.h"

#include <QJsonObject>

namespace lantern {

namespace {
const QString kKey = QStringLiteral("fca_profile");
} // namespace

Result<FcaProfile> FcaProfile::load(Store &store)
{
    auto setting = readSetting(store, kKey);
    if (!setting)
        return setting.error();
    const auto text = [&](const char *name) {
        return setting->value(QLatin1String(name)).toString();
    };
    return FcaProfile{text("name"), text("phone"), text("email"), text("office"),
                      text("feedback_link")};
}

Result<void> FcaProfile::save(Store &store) const
{
    return writeSetting(store, kKey,
                        {{QStringLiteral("name"), name.trimmed()},
                         {QStringLiteral("phone"), phone.trimmed()},
                         {QStringLiteral("email"), email.trimmed()},
                         {QStringLiteral("office"), office.trimmed()},
                         {QStringLiteral("feedback_link"), feedbackLink.trimmed()}});
}

} // namespace lantern
