#include "SpellChecker.h"

#include <QDir>
#include <QFileInfo>

#include <hunspell/hunspell.h>

namespace lantern {

namespace {
const QStringList &dictionaryFolders()
{
    static const QStringList folders = {QStringLiteral("/usr/share/hunspell"),
                                        QStringLiteral("/usr/share/myspell/dicts"),
                                        QStringLiteral("/usr/local/share/hunspell")};
    return folders;
}

QString findDictionary(const QString &language)
{
    for (const QString &folder : dictionaryFolders()) {
        const QString base = QDir(folder).filePath(language);
        if (QFileInfo::exists(base + QStringLiteral(".aff")) &&
            QFileInfo::exists(base + QStringLiteral(".dic")))
            return base;
    }
    return {};
}
} // namespace

struct SpellChecker::Impl
{
    Hunhandle *handle = nullptr;
    ~Impl()
    {
        if (handle)
            Hunspell_destroy(handle);
    }
};

SpellChecker::SpellChecker(const QString &language)
    : m_impl(std::make_unique<Impl>()), m_language(language)
{
    const QString base = findDictionary(language);
    if (base.isEmpty())
        return;
    m_impl->handle = Hunspell_create(QFile::encodeName(base + QStringLiteral(".aff")).constData(),
                                     QFile::encodeName(base + QStringLiteral(".dic")).constData());
}

SpellChecker::~SpellChecker() = default;

bool SpellChecker::isValid() const
{
    return m_impl->handle != nullptr;
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (!m_impl->handle || word.isEmpty())
        return true;
    return Hunspell_spell(m_impl->handle, word.toUtf8().constData()) != 0;
}

QStringList SpellChecker::suggestions(const QString &word, int max) const
{
    QStringList result;
    if (!m_impl->handle)
        return result;
    char **list = nullptr;
    const int count = Hunspell_suggest(m_impl->handle, &list, word.toUtf8().constData());
    for (int i = 0; i < count && result.size() < max; ++i)
        result.append(QString::fromUtf8(list[i]));
    Hunspell_free_list(m_impl->handle, &list, count);
    return result;
}

QStringList SpellChecker::availableLanguages()
{
    QStringList languages;
    for (const QString &language : {QStringLiteral("en_GB"), QStringLiteral("cy_GB")})
        if (!findDictionary(language).isEmpty())
            languages.append(language);
    return languages;
}

} // namespace lantern
