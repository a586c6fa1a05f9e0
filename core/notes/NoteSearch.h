#pragma once

#include "Note.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <optional>

namespace lantern {

struct NoteSearchFilter
{
    QUuid caseId;  // null: every case
    QUuid childId; // null: every child
    std::optional<NoteKind> kind;
    QDate from; // contact date, inclusive (Europe/London)
    QDate to;   // inclusive
    int limit = 50;
    int offset = 0;
};

struct NoteHit
{
    QUuid noteId;
    QUuid caseId;
    QString caseNumber;
    QStringList childNames; // names used with the children
    NoteKind kind = NoteKind::Other;
    QDateTime contactAt;
    bool finalised = false;
    QString snippetHtml; // escaped text with the matching words in <b>
};

// Full-text search over the latest revision of every live note (SQLite FTS5).
class NoteSearch
{
    Q_DECLARE_TR_FUNCTIONS(NoteSearch)

public:
    explicit NoteSearch(Store &store) : m_store(store) {}

    // Whatever was typed gives results or none, never an error: the words are searched as
    // words (the last one as a prefix); quotes, operators and symbols are not syntax.
    Result<QList<NoteHit>> search(const QString &text, const NoteSearchFilter &filter = {}) const;

    // The FTS5 query for what was typed; empty when there is nothing to search for.
    static QString toMatchQuery(const QString &text);

private:
    Store &m_store;
};

} // namespace lantern
