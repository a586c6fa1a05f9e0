#include "Migrations.h"

namespace lantern {

namespace {

// Columns every synced record has (see RecordMeta).
QString table(const char *name, const char *columns)
{
    return QStringLiteral("CREATE TABLE %1 ("
                          " id TEXT PRIMARY KEY NOT NULL,"
                          " created_at TEXT NOT NULL,"
                          " updated_at TEXT NOT NULL,"
                          " version INTEGER NOT NULL DEFAULT 0,"
                          " deleted_at TEXT,"
                          " %2)")
        .arg(QLatin1String(name), QLatin1String(columns));
}

QList<MigrationStep> buildSteps()
{
    QList<MigrationStep> steps;

    // 1: the caseload, the sync outbox and the audit trail.
    steps.append({1,
                  {
                      table("cases", "case_number TEXT NOT NULL,"
                                     " court TEXT NOT NULL,"
                                     " kind TEXT NOT NULL,"
                                     " issued_on TEXT NOT NULL,"
                                     " status TEXT NOT NULL DEFAULT 'open',"
                                     " allocated_to TEXT NOT NULL DEFAULT '',"
                                     " domestic_abuse INTEGER NOT NULL DEFAULT 0,"
                                     " next_review_on TEXT,"
                                     " outcome TEXT NOT NULL DEFAULT '',"
                                     " outcome_followed_recommendation INTEGER,"
                                     " closed_on TEXT,"
                                     " delay_reason TEXT NOT NULL DEFAULT ''"),
                      QStringLiteral("CREATE UNIQUE INDEX cases_number ON cases(case_number)"
                                     " WHERE deleted_at IS NULL"),
                      table("children", "case_id TEXT NOT NULL REFERENCES cases(id),"
                                        " legal_name TEXT NOT NULL,"
                                        " preferred_name TEXT NOT NULL DEFAULT '',"
                                        " date_of_birth TEXT NOT NULL,"
                                        " pronouns TEXT NOT NULL DEFAULT '',"
                                        " first_language TEXT NOT NULL DEFAULT '',"
                                        " letter_language TEXT NOT NULL DEFAULT 'en',"
                                        " heritage TEXT NOT NULL DEFAULT '',"
                                        " faith TEXT NOT NULL DEFAULT '',"
                                        " school TEXT NOT NULL DEFAULT '',"
                                        " lives_with TEXT NOT NULL DEFAULT '',"
                                        " what_matters TEXT NOT NULL DEFAULT ''"),
                      QStringLiteral("CREATE INDEX children_case ON children(case_id)"),
                      table("adults", "case_id TEXT NOT NULL REFERENCES cases(id),"
                                      " child_ids TEXT NOT NULL DEFAULT '[]',"
                                      " name TEXT NOT NULL,"
                                      " role TEXT NOT NULL,"
                                      " relationship TEXT NOT NULL DEFAULT '',"
                                      " phone TEXT NOT NULL DEFAULT '',"
                                      " email TEXT NOT NULL DEFAULT '',"
                                      " address TEXT NOT NULL DEFAULT '',"
                                      " address_confidential INTEGER NOT NULL DEFAULT 0,"
                                      " domestic_abuse_victim INTEGER NOT NULL DEFAULT 0,"
                                      " alleged_perpetrator INTEGER NOT NULL DEFAULT 0,"
                                      " child_must_not_know INTEGER NOT NULL DEFAULT 0,"
                                      " safety_notes TEXT NOT NULL DEFAULT ''"),
                      QStringLiteral("CREATE INDEX adults_case ON adults(case_id)"),
                      table("hearings", "case_id TEXT NOT NULL REFERENCES cases(id),"
                                        " kind TEXT NOT NULL,"
                                        " starts_at TEXT NOT NULL,"
                                        " venue TEXT NOT NULL DEFAULT '',"
                                        " filing_days_before INTEGER,"
                                        " note TEXT NOT NULL DEFAULT ''"),
                      QStringLiteral("CREATE INDEX hearings_case ON hearings(case_id, starts_at)"),
                      table("audit_events", "at TEXT NOT NULL,"
                                            " actor TEXT NOT NULL,"
                                            " action TEXT NOT NULL,"
                                            " table_name TEXT NOT NULL,"
                                            " record_id TEXT NOT NULL,"
                                            " detail TEXT NOT NULL DEFAULT ''"),
                      QStringLiteral("CREATE INDEX audit_record ON audit_events(record_id)"),
                      // The sync outbox: one row per change, written in the same transaction.
                      QStringLiteral("CREATE TABLE outbox ("
                                     " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                                     " mutation_id TEXT NOT NULL UNIQUE,"
                                     " table_name TEXT NOT NULL,"
                                     " record_id TEXT NOT NULL,"
                                     " op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),"
                                     " fields TEXT NOT NULL,"
                                     " base_version INTEGER NOT NULL,"
                                     " created_at TEXT NOT NULL)"),
                      QStringLiteral("CREATE INDEX outbox_record ON outbox(table_name, record_id)"),
                      QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL,"
                                     " value TEXT NOT NULL)"),
                  }});

    // 2: the work around the caseload: visits, notes and their revisions, letters and their
    // templates. Later features fill these; finalised notes and letters never change.
    steps.append(
        {2,
         {
             table("visits", "case_id TEXT NOT NULL REFERENCES cases(id),"
                             " child_ids TEXT NOT NULL DEFAULT '[]',"
                             " kind TEXT NOT NULL,"
                             " place TEXT NOT NULL DEFAULT '',"
                             " starts_at TEXT NOT NULL,"
                             " ends_at TEXT NOT NULL,"
                             " travel_before_min INTEGER NOT NULL DEFAULT 0,"
                             " travel_after_min INTEGER NOT NULL DEFAULT 0,"
                             " status TEXT NOT NULL DEFAULT 'planned',"
                             " status_reason TEXT NOT NULL DEFAULT '',"
                             " attendees TEXT NOT NULL DEFAULT '',"
                             " note_id TEXT"),
             QStringLiteral("CREATE INDEX visits_case ON visits(case_id, starts_at)"),
             QStringLiteral("CREATE INDEX visits_time ON visits(starts_at)"),
             table("notes", "case_id TEXT NOT NULL REFERENCES cases(id),"
                            " child_ids TEXT NOT NULL DEFAULT '[]',"
                            " kind TEXT NOT NULL,"
                            " contact_at TEXT NOT NULL,"
                            " author TEXT NOT NULL,"
                            " finalised_at TEXT"),
             QStringLiteral("CREATE INDEX notes_case ON notes(case_id, contact_at)"),
             table("note_revisions", "note_id TEXT NOT NULL REFERENCES notes(id),"
                                     " number INTEGER NOT NULL,"
                                     " body_html TEXT NOT NULL,"
                                     " body_text TEXT NOT NULL,"
                                     " author TEXT NOT NULL,"
                                     " reason TEXT NOT NULL DEFAULT '',"
                                     " finalised_at TEXT"),
             QStringLiteral("CREATE INDEX note_revisions_note ON note_revisions(note_id, number)"),
             table("letter_templates", "letter_kind TEXT NOT NULL,"
                                       " age_band TEXT NOT NULL,"
                                       " law TEXT NOT NULL,"
                                       " language TEXT NOT NULL,"
                                       " template_version INTEGER NOT NULL,"
                                       " body TEXT NOT NULL"),
             table("letters", "case_id TEXT NOT NULL REFERENCES cases(id),"
                              " child_id TEXT NOT NULL REFERENCES children(id),"
                              " letter_kind TEXT NOT NULL,"
                              " language TEXT NOT NULL,"
                              " template_id TEXT,"
                              " template_version INTEGER,"
                              " status TEXT NOT NULL DEFAULT 'draft',"
                              " body_html TEXT NOT NULL DEFAULT '',"
                              " finalised_at TEXT,"
                              " sent_on TEXT,"
                              " sent_how TEXT NOT NULL DEFAULT '',"
                              " pdf BLOB"),
             QStringLiteral("CREATE INDEX letters_child ON letters(child_id)"),
         }});
    // 3: case notes that are never lost and found in an instant. Drafts are the working copy
    // the editor saves every few seconds (local to this laptop, never synced); a note's
    // record is its revisions. note_search indexes the latest revision of every live note,
    // kept in step by triggers on the write path's inserts and deletes.
    steps.append(
        {3,
         {
             QStringLiteral("ALTER TABLE notes ADD COLUMN plan_decision TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE TABLE note_drafts ("
                            " note_id TEXT PRIMARY KEY NOT NULL REFERENCES notes(id),"
                            " body_html TEXT NOT NULL,"
                            " body_text TEXT NOT NULL,"
                            " cursor INTEGER NOT NULL DEFAULT 0,"
                            " saved_at TEXT NOT NULL)"),
             QStringLiteral("CREATE VIRTUAL TABLE note_search USING fts5(body, "
                            "tokenize = 'unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER note_search_revision AFTER INSERT ON note_revisions"
                            " BEGIN"
                            "  DELETE FROM note_search WHERE rowid ="
                            "   (SELECT rowid FROM notes WHERE id = NEW.note_id);"
                            "  INSERT INTO note_search (rowid, body) SELECT rowid, NEW.body_text"
                            "   FROM notes WHERE id = NEW.note_id AND deleted_at IS NULL;"
                            " END"),
             QStringLiteral("CREATE TRIGGER note_search_delete AFTER UPDATE OF deleted_at ON notes"
                            " WHEN NEW.deleted_at IS NOT NULL"
                            " BEGIN"
                            "  DELETE FROM note_search WHERE rowid = NEW.rowid;"
                            " END"),
         }});
    // 4: note search keeps prefix indexes (2 and 3 letters), so the word being typed is
    // found as fast as a whole word. The index is rebuilt from each note's latest revision.
    steps.append(
        {4,
         {
             QStringLiteral("DROP TABLE note_search"),
             QStringLiteral("CREATE VIRTUAL TABLE note_search USING fts5(body, "
                            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"),
             QStringLiteral("INSERT INTO note_search (rowid, body)"
                            " SELECT n.rowid, (SELECT r.body_text FROM note_revisions r"
                            "  WHERE r.note_id = n.id ORDER BY r.number DESC LIMIT 1)"
                            " FROM notes n WHERE n.deleted_at IS NULL"
                            " AND EXISTS (SELECT 1 FROM note_revisions r WHERE r.note_id = n.id)"),
         }});
    // 5: sync on the laptop. Conflicts come down from the server like any record; changes the
    // server refused are kept aside, never deleted; each outbox row names its case, so the
    // caseload can mark cases with unsent work and a deallocated case waits for its pushes.
    steps.append(
        {5,
         {
             table("conflicts", "case_id TEXT NOT NULL,"
                                " table_name TEXT NOT NULL,"
                                " record_id TEXT NOT NULL,"
                                " field TEXT NOT NULL,"
                                " base_value TEXT,"
                                " server_value TEXT,"
                                " client_value TEXT,"
                                " raised_by TEXT NOT NULL DEFAULT '',"
                                " resolved_at TEXT,"
                                " resolution TEXT NOT NULL DEFAULT '',"
                                " resolved_by TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX conflicts_case ON conflicts(case_id)"),
             QStringLiteral("CREATE INDEX conflicts_open ON conflicts(resolved_at)"),
             QStringLiteral("CREATE TABLE sync_rejected ("
                            " mutation_id TEXT PRIMARY KEY NOT NULL,"
                            " case_id TEXT NOT NULL DEFAULT '',"
                            " table_name TEXT NOT NULL,"
                            " record_id TEXT NOT NULL,"
                            " op TEXT NOT NULL,"
                            " fields TEXT NOT NULL,"
                            " base_version INTEGER NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " rejected_at TEXT NOT NULL,"
                            " reason TEXT NOT NULL)"),
             QStringLiteral("ALTER TABLE outbox ADD COLUMN case_id TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("UPDATE outbox SET case_id = record_id WHERE table_name = 'cases'"),
             QStringLiteral("UPDATE outbox SET case_id = COALESCE((SELECT n.case_id FROM notes n"
                            " JOIN note_revisions r ON r.note_id = n.id"
                            " WHERE r.id = outbox.record_id), '')"
                            " WHERE table_name = 'note_revisions'"),
             QStringLiteral(
                 "UPDATE outbox SET case_id = COALESCE(CASE table_name"
                 " WHEN 'children' THEN (SELECT case_id FROM children WHERE id = record_id)"
                 " WHEN 'adults' THEN (SELECT case_id FROM adults WHERE id = record_id)"
                 " WHEN 'hearings' THEN (SELECT case_id FROM hearings WHERE id = record_id)"
                 " WHEN 'visits' THEN (SELECT case_id FROM visits WHERE id = record_id)"
                 " WHEN 'notes' THEN (SELECT case_id FROM notes WHERE id = record_id)"
                 " WHEN 'letters' THEN (SELECT case_id FROM letters WHERE id = record_id)"
                 " END, '') WHERE table_name NOT IN ('cases', 'note_revisions')"),
             QStringLiteral("CREATE INDEX outbox_case ON outbox(case_id)"),
             QStringLiteral("DELETE FROM outbox WHERE table_name = 'letter_templates'"),
         }});
    return steps;
}

} // namespace

const QList<MigrationStep> &migrationSteps()
{
    static const QList<MigrationStep> steps = buildSteps();
    return steps;
}

} // namespace lantern
