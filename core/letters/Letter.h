#pragma once

#include "domain/Records.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUuid>

namespace lantern {

enum class LetterKind
{
    Introduction,
    Goodbye,
};

enum class LetterStatus
{
    Draft,
    Finalised,
    Sent,
};

// Letters are written for the child's age: the band picks the template.
enum class AgeBand
{
    Under8,
    From8To12,
    From13,
};

inline AgeBand ageBandFor(int age)
{
    return age < 8 ? AgeBand::Under8 : age <= 12 ? AgeBand::From8To12 : AgeBand::From13;
}

// A letter to one child. A draft can change; a finalised letter keeps its exact text, the
// template version and its PDF for good (only how and when it was sent are added later).
struct Letter
{
    RecordMeta meta;
    QUuid caseId;
    QUuid childId;
    LetterKind kind = LetterKind::Introduction;
    QString language = QStringLiteral("en"); // "en" or "cy"
    QUuid templateId;
    int templateVersion = 0;
    LetterStatus status = LetterStatus::Draft;
    QString bodyHtml;
    QDateTime finalisedAt; // UTC
    QDate sentOn;
    QString sentHow; // post, hand, email
    QByteArray pdf;

    bool isFinalised() const { return finalisedAt.isValid(); }
};

// A letter template: Mustache over HTML, one per kind, age band, law and language, versioned.
struct LetterTemplate
{
    RecordMeta meta;
    LetterKind kind = LetterKind::Introduction;
    AgeBand ageBand = AgeBand::From8To12;
    bool publicLaw = false;
    QString language = QStringLiteral("en");
    int version = 1;
    QString body;
};

} // namespace lantern
