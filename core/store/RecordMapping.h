#pragma once

#include "Store.h"
#include "domain/Records.h"
#include "letters/Letter.h"
#include "notes/Note.h"
#include "schedule/Visit.h"

#include <QSqlRecord>
#include <QVariantMap>

namespace lantern {

// How each record type maps to its table. toFields gives every column except the RecordMeta
// ones; fromRecord reads a full row (SELECT *).
template <typename T> struct RecordMapping;

RecordMeta metaFromRecord(const QSqlRecord &row);

#define LANTERN_RECORD_MAPPING(Type, TableValue)                                                   \
    template <> struct RecordMapping<Type>                                                         \
    {                                                                                              \
        static constexpr Table table = TableValue;                                                 \
        static QVariantMap toFields(const Type &record);                                           \
        static Type fromRecord(const QSqlRecord &row);                                             \
    };

LANTERN_RECORD_MAPPING(Case, Table::Cases)
LANTERN_RECORD_MAPPING(Child, Table::Children)
LANTERN_RECORD_MAPPING(Adult, Table::Adults)
LANTERN_RECORD_MAPPING(Hearing, Table::Hearings)
LANTERN_RECORD_MAPPING(Note, Table::Notes)
LANTERN_RECORD_MAPPING(NoteRevision, Table::NoteRevisions)
LANTERN_RECORD_MAPPING(Visit, Table::Visits)
LANTERN_RECORD_MAPPING(Letter, Table::Letters)
LANTERN_RECORD_MAPPING(LetterTemplate, Table::LetterTemplates)

#undef LANTERN_RECORD_MAPPING

} // namespace lantern
