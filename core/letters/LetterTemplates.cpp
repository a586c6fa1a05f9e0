#include "LetterTemplates.h"

#include "domain/Labels.h"
#include "store/RecordRepository.h"
#include "store/Store.h"

#include <QFile>

namespace lantern {

namespace {

using Templates = RecordRepository<LetterTemplate>;

QString lawCode(bool publicLaw)
{
    return publicLaw ? QStringLiteral("public") : QStringLiteral("private");
}

Result<QList<LetterTemplate>> find(Store &store, LetterKind kind, AgeBand band, bool publicLaw,
                                   const QString &language)
{
    return Templates(store).where(
        QStringLiteral("letter_kind = ? AND age_band = ? AND law = ? AND language = ?"),
        {codeOf(kind), codeOf(band), lawCode(publicLaw), language},
        QStringLiteral("template_version DESC"));
}

} // namespace

QString LetterTemplates::resourcePath(LetterKind kind, AgeBand band, bool publicLaw,
                                      const QString &language)
{
    return QStringLiteral(":/letters/%1-%2-%3-%4.mustache")
        .arg(codeOf(kind), codeOf(band), lawCode(publicLaw), language);
}

Result<int> LetterTemplates::installDefaults(Store &store)
{
    int added = 0;
    auto done = store.transaction([&]() -> Result<void> {
        for (LetterKind kind : allValues<LetterKind>())
            for (AgeBand band : allValues<AgeBand>())
                for (bool publicLaw : {true, false})
                    for (const QString &language : {QStringLiteral("en"), QStringLiteral("cy")}) {
                        auto existing = find(store, kind, band, publicLaw, language);
                        if (!existing)
                            return existing.error();
                        if (!existing->isEmpty() &&
                            existing->constFirst().version >= kDefaultVersion)
                            continue;
                        QFile file(resourcePath(kind, band, publicLaw, language));
                        if (!file.open(QIODevice::ReadOnly))
                            return makeError(ErrorCode::Io,
                                             tr("The letter template %1 is missing from this "
                                                "build of Lantern.")
                                                 .arg(file.fileName()));
                        LetterTemplate t;
                        t.kind = kind;
                        t.ageBand = band;
                        t.publicLaw = publicLaw;
                        t.language = language;
                        t.version = kDefaultVersion;
                        t.body = QString::fromUtf8(file.readAll());
                        if (auto saved = Templates(store).add(t); !saved)
                            return saved.error();
                        ++added;
                    }
        return {};
    });
    if (!done)
        return done.error();
    return added;
}

Result<LetterTemplate> LetterTemplates::choose(Store &store, LetterKind kind, AgeBand band,
                                               bool publicLaw, const QString &language)
{
    const QString lang = language == QLatin1String("cy") ? language : QStringLiteral("en");
    auto found = find(store, kind, band, publicLaw, lang);
    if (found && found->isEmpty()) {
        if (auto installed = installDefaults(store); !installed)
            return installed.error();
        found = find(store, kind, band, publicLaw, lang);
    }
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::NotFound, tr("There is no template for this letter."));
    return found->constFirst();
}

} // namespace lantern
