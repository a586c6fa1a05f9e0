#include "FcaProfile.h"

#include "store/Settings.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUrl>

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
    // The feedback address becomes a QR code on every letter: it must be a web address.
    const QString link = feedbackLink.trimmed();
    const QUrl url(link, QUrl::StrictMode);
    if (!link.isEmpty() && (!url.isValid() || (url.scheme() != QLatin1String("https") &&
                                               url.scheme() != QLatin1String("http"))))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "FcaProfile", "The feedback address must be a web address starting with https://"),
            QStringLiteral("feedback_link"));
    return writeSetting(store, kKey,
                        {{QStringLiteral("name"), name.trimmed()},
                         {QStringLiteral("phone"), phone.trimmed()},
                         {QStringLiteral("email"), email.trimmed()},
                         {QStringLiteral("office"), office.trimmed()},
                         {QStringLiteral("feedback_link"), feedbackLink.trimmed()}});
}

} // namespace lantern
