#pragma once

#include "Records.h"
#include "letters/Letter.h"
#include "notes/Note.h"
#include "schedule/Visit.h"

#include <QList>
#include <QString>

#include <optional>

namespace lantern {

// Each enum has a stable storage code (used in the store and the sync protocol) and a
// translated label for people. One table per enum, in Labels.cpp.
template <typename E> struct EnumEntry
{
    E value;
    const char *code;
    const char *label; // source text for translation, context "Labels"
};

template <typename E> QList<EnumEntry<E>> enumEntries();

template <typename E> QString codeOf(E value)
{
    for (const auto &entry : enumEntries<E>())
        if (entry.value == value)
            return QString::fromLatin1(entry.code);
    return {};
}

template <typename E> std::optional<E> fromCode(const QString &code)
{
    for (const auto &entry : enumEntries<E>())
        if (code == QLatin1String(entry.code))
            return entry.value;
    return std::nullopt;
}

template <> QList<EnumEntry<ProceedingsKind>> enumEntries<ProceedingsKind>();
template <> QList<EnumEntry<CaseStatus>> enumEntries<CaseStatus>();
template <> QList<EnumEntry<AdultRole>> enumEntries<AdultRole>();
template <> QList<EnumEntry<HearingKind>> enumEntries<HearingKind>();
template <> QList<EnumEntry<NoteKind>> enumEntries<NoteKind>();
template <> QList<EnumEntry<VisitKind>> enumEntries<VisitKind>();
template <> QList<EnumEntry<LetterKind>> enumEntries<LetterKind>();
template <> QList<EnumEntry<LetterStatus>> enumEntries<LetterStatus>();
template <> QList<EnumEntry<AgeBand>> enumEntries<AgeBand>();
template <> QList<EnumEntry<VisitStatus>> enumEntries<VisitStatus>();

QString translateLabel(const char *sourceText);

template <typename E> QString labelOf(E value)
{
    for (const auto &entry : enumEntries<E>())
        if (entry.value == value)
            return translateLabel(entry.label);
    return {};
}

template <typename E> QList<E> allValues()
{
    QList<E> values;
    for (const auto &entry : enumEntries<E>())
        values.append(entry.value);
    return values;
}

} // namespace lantern
