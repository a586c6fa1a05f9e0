#include "RecordMapping.h"

#include "StoreValues.h"
#include "domain/Labels.h"

namespace lantern {

using namespace storeValue;

namespace {
QVariant v(const QSqlRecord &row, const char *column)
{
    return row.value(QLatin1String(column));
}
QString s(const QSqlRecord &row, const char *column)
{
    return row.value(QLatin1String(column)).toString();
}
bool b(const QSqlRecord &row, const char *column)
{
    return row.value(QLatin1String(column)).toInt() != 0;
}
} // namespace

RecordMeta metaFromRecord(const QSqlRecord &row)
{
    RecordMeta meta;
    meta.id = toId(v(row, "id"));
    meta.createdAt = toTime(v(row, "created_at"));
    meta.updatedAt = toTime(v(row, "updated_at"));
    meta.version = v(row, "version").toLongLong();
    meta.deletedAt = toTime(v(row, "deleted_at"));
    return meta;
}

QVariantMap RecordMapping<Case>::toFields(const Case &c)
{
    return {
        {QStringLiteral("case_number"), c.caseNumber},
        {QStringLiteral("court"), c.court},
        {QStringLiteral("kind"), codeOf(c.kind)},
        {QStringLiteral("issued_on"), fromDate(c.issuedOn)},
        {QStringLiteral("status"), codeOf(c.status)},
        {QStringLiteral("allocated_to"), c.allocatedTo},
        {QStringLiteral("domestic_abuse"), c.domesticAbuse ? 1 : 0},
        {QStringLiteral("next_review_on"), fromDate(c.nextReviewOn)},
        {QStringLiteral("outcome"), c.outcome},
        {QStringLiteral("outcome_followed_recommendation"),
         fromOptionalBool(c.outcomeFollowedRecommendation)},
        {QStringLiteral("closed_on"), fromDate(c.closedOn)},
        {QStringLiteral("delay_reason"), c.delayReason},
    };
}

Case RecordMapping<Case>::fromRecord(const QSqlRecord &row)
{
    Case c;
    c.meta = metaFromRecord(row);
    c.caseNumber = s(row, "case_number");
    c.court = s(row, "court");
    c.kind = fromCode<ProceedingsKind>(s(row, "kind")).value_or(ProceedingsKind::CareOrder);
    c.issuedOn = toDate(v(row, "issued_on"));
    c.status = fromCode<CaseStatus>(s(row, "status")).value_or(CaseStatus::Open);
    c.allocatedTo = s(row, "allocated_to");
    c.domesticAbuse = b(row, "domestic_abuse");
    c.nextReviewOn = toDate(v(row, "next_review_on"));
    c.outcome = s(row, "outcome");
    c.outcomeFollowedRecommendation = toOptionalBool(v(row, "outcome_followed_recommendation"));
    c.closedOn = toDate(v(row, "closed_on"));
    c.delayReason = s(row, "delay_reason");
    return c;
}

QVariantMap RecordMapping<Child>::toFields(const Child &c)
{
    return {
        {QStringLiteral("case_id"), fromId(c.caseId)},
        {QStringLiteral("legal_name"), c.legalName},
        {QStringLiteral("preferred_name"), c.preferredName},
        {QStringLiteral("date_of_birth"), fromDate(c.dateOfBirth)},
        {QStringLiteral("pronouns"), c.pronouns},
        {QStringLiteral("first_language"), c.firstLanguage},
        {QStringLiteral("letter_language"), c.letterLanguage},
        {QStringLiteral("heritage"), c.heritage},
        {QStringLiteral("faith"), c.faith},
        {QStringLiteral("school"), c.school},
        {QStringLiteral("lives_with"), c.livesWith},
        {QStringLiteral("what_matters"), c.whatMatters},
    };
}

Child RecordMapping<Child>::fromRecord(const QSqlRecord &row)
{
    Child c;
    c.meta = metaFromRecord(row);
    c.caseId = toId(v(row, "case_id"));
    c.legalName = s(row, "legal_name");
    c.preferredName = s(row, "preferred_name");
    c.dateOfBirth = toDate(v(row, "date_of_birth"));
    c.pronouns = s(row, "pronouns");
    c.firstLanguage = s(row, "first_language");
    c.letterLanguage = s(row, "letter_language");
    c.heritage = s(row, "heritage");
    c.faith = s(row, "faith");
    c.school = s(row, "school");
    c.livesWith = s(row, "lives_with");
    c.whatMatters = s(row, "what_matters");
    return c;
}

QVariantMap RecordMapping<Adult>::toFields(const Adult &a)
{
    return {
        {QStringLiteral("case_id"), fromId(a.caseId)},
        {QStringLiteral("child_ids"), fromIdList(a.childIds)},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("role"), codeOf(a.role)},
        {QStringLiteral("relationship"), a.relationship},
        {QStringLiteral("phone"), a.phone},
        {QStringLiteral("email"), a.email},
        {QStringLiteral("address"), a.address},
        {QStringLiteral("address_confidential"), a.addressConfidential ? 1 : 0},
        {QStringLiteral("domestic_abuse_victim"), a.domesticAbuseVictim ? 1 : 0},
        {QStringLiteral("alleged_perpetrator"), a.allegedPerpetrator ? 1 : 0},
        {QStringLiteral("child_must_not_know"), a.childMustNotKnow ? 1 : 0},
        {QStringLiteral("safety_notes"), a.safetyNotes},
    };
}

Adult RecordMapping<Adult>::fromRecord(const QSqlRecord &row)
{
    Adult a;
    a.meta = metaFromRecord(row);
    a.caseId = toId(v(row, "case_id"));
    a.childIds = toIdList(v(row, "child_ids"));
    a.name = s(row, "name");
    a.role = fromCode<AdultRole>(s(row, "role")).value_or(AdultRole::Other);
    a.relationship = s(row, "relationship");
    a.phone = s(row, "phone");
    a.email = s(row, "email");
    a.address = s(row, "address");
    a.addressConfidential = b(row, "address_confidential");
    a.domesticAbuseVictim = b(row, "domestic_abuse_victim");
    a.allegedPerpetrator = b(row, "alleged_perpetrator");
    a.childMustNotKnow = b(row, "child_must_not_know");
    a.safetyNotes = s(row, "safety_notes");
    return a;
}

QVariantMap RecordMapping<Hearing>::toFields(const Hearing &h)
{
    return {
        {QStringLiteral("case_id"), fromId(h.caseId)},
        {QStringLiteral("kind"), codeOf(h.kind)},
        {QStringLiteral("starts_at"), fromTime(h.startsAt)},
        {QStringLiteral("venue"), h.venue},
        {QStringLiteral("filing_days_before"), fromOptionalInt(h.filingDaysBefore)},
        {QStringLiteral("note"), h.note},
    };
}

Hearing RecordMapping<Hearing>::fromRecord(const QSqlRecord &row)
{
    Hearing h;
    h.meta = metaFromRecord(row);
    h.caseId = toId(v(row, "case_id"));
    h.kind = fromCode<HearingKind>(s(row, "kind")).value_or(HearingKind::Other);
    h.startsAt = toTime(v(row, "starts_at"));
    h.venue = s(row, "venue");
    h.filingDaysBefore = toOptionalInt(v(row, "filing_days_before"));
    h.note = s(row, "note");
    return h;
}

QVariantMap RecordMapping<Note>::toFields(const Note &n)
{
    return {
        {QStringLiteral("case_id"), fromId(n.caseId)},
        {QStringLiteral("child_ids"), fromIdList(n.childIds)},
        {QStringLiteral("kind"), codeOf(n.kind)},
        {QStringLiteral("contact_at"), fromTime(n.contactAt)},
        {QStringLiteral("author"), n.author},
        {QStringLiteral("finalised_at"), fromTime(n.finalisedAt)},
        {QStringLiteral("plan_decision"), n.planDecision},
    };
}

Note RecordMapping<Note>::fromRecord(const QSqlRecord &row)
{
    Note n;
    n.meta = metaFromRecord(row);
    n.caseId = toId(v(row, "case_id"));
    n.childIds = toIdList(v(row, "child_ids"));
    n.kind = fromCode<NoteKind>(s(row, "kind")).value_or(NoteKind::Other);
    n.contactAt = toTime(v(row, "contact_at"));
    n.author = s(row, "author");
    n.finalisedAt = toTime(v(row, "finalised_at"));
    n.planDecision = s(row, "plan_decision");
    return n;
}

QVariantMap RecordMapping<NoteRevision>::toFields(const NoteRevision &r)
{
    return {
        {QStringLiteral("note_id"), fromId(r.noteId)},
        {QStringLiteral("number"), r.number},
        {QStringLiteral("body_html"), r.bodyHtml},
        {QStringLiteral("body_text"), r.bodyText},
        {QStringLiteral("author"), r.author},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("finalised_at"), fromTime(r.finalisedAt)},
    };
}

NoteRevision RecordMapping<NoteRevision>::fromRecord(const QSqlRecord &row)
{
    NoteRevision r;
    r.meta = metaFromRecord(row);
    r.noteId = toId(v(row, "note_id"));
    r.number = v(row, "number").toInt();
    r.bodyHtml = s(row, "body_html");
    r.bodyText = s(row, "body_text");
    r.author = s(row, "author");
    r.reason = s(row, "reason");
    r.finalisedAt = toTime(v(row, "finalised_at"));
    return r;
}

QVariantMap RecordMapping<Visit>::toFields(const Visit &visit)
{
    return {
        {QStringLiteral("case_id"), fromId(visit.caseId)},
        {QStringLiteral("child_ids"), fromIdList(visit.childIds)},
        {QStringLiteral("kind"), codeOf(visit.kind)},
        {QStringLiteral("place"), visit.place},
        {QStringLiteral("starts_at"), fromTime(visit.startsAt)},
        {QStringLiteral("ends_at"), fromTime(visit.endsAt)},
        {QStringLiteral("travel_before_min"), visit.travelBeforeMin},
        {QStringLiteral("travel_after_min"), visit.travelAfterMin},
        {QStringLiteral("status"), codeOf(visit.status)},
        {QStringLiteral("status_reason"), visit.statusReason},
        {QStringLiteral("attendees"), visit.attendees},
        {QStringLiteral("note_id"), fromId(visit.noteId)},
    };
}

Visit RecordMapping<Visit>::fromRecord(const QSqlRecord &row)
{
    Visit visit;
    visit.meta = metaFromRecord(row);
    visit.caseId = toId(v(row, "case_id"));
    visit.childIds = toIdList(v(row, "child_ids"));
    visit.kind = fromCode<VisitKind>(s(row, "kind")).value_or(VisitKind::Home);
    visit.place = s(row, "place");
    visit.startsAt = toTime(v(row, "starts_at"));
    visit.endsAt = toTime(v(row, "ends_at"));
    visit.travelBeforeMin = v(row, "travel_before_min").toInt();
    visit.travelAfterMin = v(row, "travel_after_min").toInt();
    visit.status = fromCode<VisitStatus>(s(row, "status")).value_or(VisitStatus::Planned);
    visit.statusReason = s(row, "status_reason");
    visit.attendees = s(row, "attendees");
    visit.noteId = toId(v(row, "note_id"));
    return visit;
}

QVariantMap RecordMapping<Letter>::toFields(const Letter &letter)
{
    return {
        {QStringLiteral("case_id"), fromId(letter.caseId)},
        {QStringLiteral("child_id"), fromId(letter.childId)},
        {QStringLiteral("letter_kind"), codeOf(letter.kind)},
        {QStringLiteral("language"), letter.language},
        {QStringLiteral("template_id"), fromId(letter.templateId)},
        {QStringLiteral("template_version"), letter.templateVersion},
        {QStringLiteral("status"), codeOf(letter.status)},
        {QStringLiteral("body_html"), letter.bodyHtml},
        {QStringLiteral("finalised_at"), fromTime(letter.finalisedAt)},
        {QStringLiteral("sent_on"), fromDate(letter.sentOn)},
        {QStringLiteral("sent_how"), letter.sentHow},
        {QStringLiteral("pdf"), letter.pdf.isEmpty() ? QVariant() : QVariant(letter.pdf)},
    };
}

Letter RecordMapping<Letter>::fromRecord(const QSqlRecord &row)
{
    Letter letter;
    letter.meta = metaFromRecord(row);
    letter.caseId = toId(v(row, "case_id"));
    letter.childId = toId(v(row, "child_id"));
    letter.kind = fromCode<LetterKind>(s(row, "letter_kind")).value_or(LetterKind::Introduction);
    letter.language = s(row, "language");
    letter.templateId = toId(v(row, "template_id"));
    letter.templateVersion = v(row, "template_version").toInt();
    letter.status = fromCode<LetterStatus>(s(row, "status")).value_or(LetterStatus::Draft);
    letter.bodyHtml = s(row, "body_html");
    letter.finalisedAt = toTime(v(row, "finalised_at"));
    letter.sentOn = toDate(v(row, "sent_on"));
    letter.sentHow = s(row, "sent_how");
    letter.pdf = v(row, "pdf").toByteArray();
    return letter;
}

QVariantMap RecordMapping<LetterTemplate>::toFields(const LetterTemplate &t)
{
    return {
        {QStringLiteral("letter_kind"), codeOf(t.kind)},
        {QStringLiteral("age_band"), codeOf(t.ageBand)},
        {QStringLiteral("law"), t.publicLaw ? QStringLiteral("public") : QStringLiteral("private")},
        {QStringLiteral("language"), t.language},
        {QStringLiteral("template_version"), t.version},
        {QStringLiteral("body"), t.body},
    };
}

LetterTemplate RecordMapping<LetterTemplate>::fromRecord(const QSqlRecord &row)
{
    LetterTemplate t;
    t.meta = metaFromRecord(row);
    t.kind = fromCode<LetterKind>(s(row, "letter_kind")).value_or(LetterKind::Introduction);
    t.ageBand = fromCode<AgeBand>(s(row, "age_band")).value_or(AgeBand::From8To12);
    t.publicLaw = s(row, "law") == QLatin1String("public");
    t.language = s(row, "language");
    t.version = v(row, "template_version").toInt();
    t.body = s(row, "body");
    return t;
}

} // namespace lantern
