#include "LetterDrafter.h"

#include "FcaProfile.h"
#include "LetterRepository.h"
#include "LetterTemplates.h"
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "schedule/VisitRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreValues.h"

#include <kainjow/mustache.hpp>

#include <QLocale>
#include <QRegularExpression>

namespace lantern {

namespace {

namespace mst = kainjow::mustache;

bool welsh(const QString &language)
{
    return language == QLatin1String("cy");
}

QLocale letterLocale(const QString &language)
{
    return welsh(language) ? QLocale(QLocale::Welsh, QLocale::UnitedKingdom)
                           : QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString hearingWords(HearingKind kind, const QString &language)
{
    const bool cy = welsh(language);
    switch (kind) {
    case HearingKind::FirstHearing:
        return cy ? QStringLiteral("gwrandawiad cyntaf") : QStringLiteral("first hearing");
    case HearingKind::CaseManagement:
        return cy ? QStringLiteral("gwrandawiad i gynllunio’r achos")
                  : QStringLiteral("hearing to plan the case");
    case HearingKind::IssuesResolution:
        return cy ? QStringLiteral("gwrandawiad i ddatrys materion")
                  : QStringLiteral("hearing to sort out what is agreed");
    case HearingKind::FactFinding:
        return cy ? QStringLiteral("gwrandawiad i ganfod y ffeithiau")
                  : QStringLiteral("hearing to find out what happened");
    case HearingKind::DisputeResolution:
        return cy ? QStringLiteral("cyfarfod i geisio cytuno")
                  : QStringLiteral("meeting to try to agree");
    case HearingKind::Final:
        return cy ? QStringLiteral("gwrandawiad terfynol") : QStringLiteral("final hearing");
    case HearingKind::Other:
        break;
    }
    return cy ? QStringLiteral("gwrandawiad") : QStringLiteral("hearing");
}

QString visitPlace(VisitKind kind, const QString &language)
{
    const bool cy = welsh(language);
    switch (kind) {
    case VisitKind::Home:
        return cy ? QStringLiteral("yn dy gartref") : QStringLiteral("at your home");
    case VisitKind::School:
        return cy ? QStringLiteral("yn yr ysgol") : QStringLiteral("at school");
    case VisitKind::Office:
        return cy ? QStringLiteral("yn ein swyddfa") : QStringLiteral("at our office");
    case VisitKind::ContactCentre:
        return cy ? QStringLiteral("yn y ganolfan gyswllt")
                  : QStringLiteral("at the contact centre");
    case VisitKind::Video:
        return cy ? QStringLiteral("ar alwad fideo") : QStringLiteral("on a video call");
    case VisitKind::Phone:
        return cy ? QStringLiteral("ar y ffôn") : QStringLiteral("on the phone");
    }
    return {};
}

// HTML-escaping that Qt's rich text reads back exactly (&apos; is not HTML 4).
std::string escapeHtml(const std::string &text)
{
    std::string out;
    out.reserve(text.size() + 16);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Letters are personal: the preferred name, or else the first name alone.
QString letterName(const Child &child)
{
    return child.preferredName.isEmpty() ? child.legalName.section(QLatin1Char(' '), 0, 0)
                                         : child.preferredName;
}

struct ChildAndCase
{
    Child child;
    Case owner;
};

Result<ChildAndCase> childAndCase(Store &store, const QUuid &childId)
{
    auto child = ChildRepository(store).get(childId);
    if (!child)
        return child.error();
    auto owner = CaseRepository(store).get(child->caseId);
    if (!owner)
        return owner.error();
    return ChildAndCase{*child, *owner};
}

} // namespace

Result<LetterFields> LetterDrafter::fieldsFor(Store &store, const QUuid &childId, LetterKind kind)
{
    auto found = childAndCase(store, childId);
    if (!found)
        return found.error();
    const Child *child = &found->child;
    const Case *owner = &found->owner;
    auto profile = FcaProfile::load(store);
    if (!profile)
        return profile.error();
    const QString language = child->letterLanguage;
    const QLocale locale = letterLocale(language);
    const QDate today = store.clock().today();

    LetterFields fields;
    QMap<QString, QString> &v = fields.values;
    v.insert(QStringLiteral("child_name"), letterName(*child));
    v.insert(QStringLiteral("child_age"), QString::number(child->ageOn(today)));
    v.insert(QStringLiteral("fca_name"), profile->name);
    // The same person is the child's guardian in public law and their family court adviser
    // in private law.
    v.insert(QStringLiteral("fca_role"),
             owner->isPublicLaw() ? (welsh(language) ? QStringLiteral("Gwarcheidwad Plant")
                                                     : QStringLiteral("Children’s Guardian"))
                                  : (welsh(language) ? QStringLiteral("Ymgynghorydd Llys Teulu")
                                                     : QStringLiteral("Family Court Adviser")));
    v.insert(QStringLiteral("fca_phone"), profile->phone);
    v.insert(QStringLiteral("fca_email"), profile->email);
    v.insert(QStringLiteral("fca_office"), profile->office);
    v.insert(QStringLiteral("court"), owner->court);
    v.insert(QStringLiteral("feedback_link"), profile->feedbackLink);

    // The next hearing still to come.
    auto hearings = HearingRepository(store).forCase(owner->meta.id);
    if (!hearings)
        return hearings.error();
    const Hearing *next = nullptr;
    for (const Hearing &h : std::as_const(*hearings))
        if (h.startsAt >= store.clock().nowUtc() && (!next || h.startsAt < next->startsAt))
            next = &h;
    fields.sections.insert(QStringLiteral("has_hearing"), next != nullptr);
    if (next) {
        v.insert(QStringLiteral("hearing_date"),
                 locale.toString(next->startsAt.toTimeZone(Clock::londonZone()).date(),
                                 QStringLiteral("dddd d MMMM")));
        v.insert(QStringLiteral("hearing_kind"), hearingWords(next->kind, language));
        v.insert(QStringLiteral("hearing_place"), next->venue);
    }

    // Planned visits with this child, from today.
    auto visits = VisitRepository(store).forCase(owner->meta.id);
    if (!visits)
        return visits.error();
    auto siblings = ChildRepository(store).forCase(owner->meta.id);
    QHash<QUuid, QString> names;
    if (siblings)
        for (const Child &c : std::as_const(*siblings))
            names.insert(c.meta.id, letterName(c));
    for (const Visit &visit : std::as_const(*visits)) {
        if (visit.status != VisitStatus::Planned || !visit.childIds.contains(childId) ||
            visit.startsAt < store.clock().nowUtc())
            continue;
        const QDateTime local = visit.startsAt.toTimeZone(Clock::londonZone());
        QStringList others;
        for (const QUuid &id : visit.childIds)
            if (id != childId)
                others.append(names.value(id));
        const QString you = welsh(language) ? QStringLiteral("ti") : QStringLiteral("you");
        // Welsh "a" becomes "ac" before a vowel.
        const bool vowelNext =
            !others.isEmpty() &&
            QStringLiteral("AEIOUWYÂÊÎÔÛŴŶ").contains(others.constFirst().left(1).toUpper());
        const QString andWord = !welsh(language) ? QStringLiteral(" and ")
                                : vowelNext      ? QStringLiteral(" ac ")
                                                 : QStringLiteral(" a ");
        fields.visits.append(
            {{QStringLiteral("when"),
              locale.toString(local.date(), QStringLiteral("dddd d MMMM")) +
                  (welsh(language) ? QStringLiteral(" am ") : QStringLiteral(" at ")) +
                  locale.toString(local.time(), QStringLiteral("HH:mm"))},
             {QStringLiteral("where"), visitPlace(visit.kind, language)},
             {QStringLiteral("with"),
              others.isEmpty() ? you : you + andWord + others.join(QStringLiteral(", "))}});
    }

    if (kind == LetterKind::Goodbye) {
        // What the court ordered is on the case; the words for the child are the FCA's.
        v.insert(QStringLiteral("outcome_decision"), owner->outcome);
        for (const char *key : {"outcome_reasons", "recommendation", "recommendation_reasons"})
            v.insert(QLatin1String(key), QString());
        fields.sections.insert(QStringLiteral("recommendation_differs"), false);
    }
    return fields;
}

Result<QString> LetterDrafter::render(const QString &templateBody, const LetterFields &fields)
{
    mst::mustache tmpl(templateBody.toStdString());
    if (!tmpl.is_valid())
        return makeError(ErrorCode::InvalidInput,
                         tr("The letter template has a mistake: %1")
                             .arg(QString::fromStdString(tmpl.error_message())));
    tmpl.set_custom_escape(escapeHtml);
    mst::data data;
    const auto value = [](const QString &key, const QString &text) {
        // A missing value shows as a marker the FCA must replace.
        return (text.trimmed().isEmpty() ? marker(key) : text).toStdString();
    };
    for (auto it = fields.values.cbegin(); it != fields.values.cend(); ++it)
        data.set(it.key().toStdString(), value(it.key(), it.value()));
    for (auto it = fields.sections.cbegin(); it != fields.sections.cend(); ++it)
        data.set(it.key().toStdString(),
                 it.value() ? mst::data::type::bool_true : mst::data::type::bool_false);
    mst::data list{mst::data::type::list};
    for (const auto &visit : fields.visits) {
        mst::data item;
        for (auto it = visit.cbegin(); it != visit.cend(); ++it)
            item.set(it.key().toStdString(), value(it.key(), it.value()));
        list.push_back(item);
    }
    data.set("visits", list);
    // A field the template uses that we know nothing about is missing too.
    static const QRegularExpression variable(QStringLiteral("\\{\\{\\s*([a-z_]+)\\s*\\}\\}"));
    auto uses = variable.globalMatch(templateBody);
    QSet<QString> listFields{QStringLiteral("when"), QStringLiteral("where"),
                             QStringLiteral("with")};
    while (uses.hasNext()) {
        const QString name = uses.next().captured(1);
        if (!fields.values.contains(name) && !listFields.contains(name))
            data.set(name.toStdString(), marker(name).toStdString());
    }
    const std::string out = tmpl.render(data);
    if (!tmpl.is_valid())
        return makeError(ErrorCode::InvalidInput,
                         tr("The letter template has a mistake: %1")
                             .arg(QString::fromStdString(tmpl.error_message())));
    return QString::fromStdString(out);
}

QStringList LetterDrafter::missingFields(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\[([a-z_]+)\\]"));
    QStringList found;
    auto matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QString field = matches.next().captured(1);
        if (!found.contains(field))
            found.append(field);
    }
    return found;
}

QString LetterDrafter::describeField(const QString &field)
{
    static const QHash<QString, const char *> descriptions{
        {QStringLiteral("fca_name"), QT_TR_NOOP("Your name (Settings)")},
        {QStringLiteral("fca_phone"), QT_TR_NOOP("Your phone number (Settings)")},
        {QStringLiteral("fca_email"), QT_TR_NOOP("Your email address (Settings)")},
        {QStringLiteral("fca_office"), QT_TR_NOOP("Your office (Settings)")},
        {QStringLiteral("feedback_link"), QT_TR_NOOP("The feedback address (Settings)")},
        {QStringLiteral("court"), QT_TR_NOOP("The court")},
        {QStringLiteral("hearing_place"), QT_TR_NOOP("Where the hearing is")},
        {QStringLiteral("outcome_decision"), QT_TR_NOOP("What the judge decided")},
        {QStringLiteral("outcome_reasons"), QT_TR_NOOP("Why the judge decided it")},
        {QStringLiteral("recommendation"), QT_TR_NOOP("What you recommended")},
        {QStringLiteral("recommendation_reasons"), QT_TR_NOOP("Why you recommended it")},
        {QStringLiteral("child_wishes"), QT_TR_NOOP("What the child said they wanted")},
    };
    const char *text = descriptions.value(field);
    return text ? tr(text) : field;
}

Result<Letter> LetterDrafter::draft(Store &store, const QUuid &childId, LetterKind kind)
{
    auto letter = compose(store, childId, kind);
    if (!letter)
        return letter;
    return LetterRepository(store).add(*letter);
}

Result<Letter> LetterDrafter::compose(Store &store, const QUuid &childId, LetterKind kind)
{
    auto found = childAndCase(store, childId);
    if (!found)
        return found.error();
    const Child *child = &found->child;
    const Case *owner = &found->owner;
    auto chosen =
        LetterTemplates::choose(store, kind, ageBandFor(child->ageOn(store.clock().today())),
                                owner->isPublicLaw(), child->letterLanguage);
    if (!chosen)
        return chosen.error();
    auto fields = fieldsFor(store, childId, kind);
    if (!fields)
        return fields.error();
    auto body = render(chosen->body, *fields);
    if (!body)
        return body.error();
    Letter letter;
    letter.caseId = owner->meta.id;
    letter.childId = childId;
    letter.kind = kind;
    letter.language = chosen->language;
    letter.templateId = chosen->meta.id;
    letter.templateVersion = chosen->version;
    letter.bodyHtml = *body;
    return letter;
}

Result<QList<Letter>> LetterDrafter::draftForCase(Store &store, const QUuid &caseId,
                                                  LetterKind kind)
{
    auto children = ChildRepository(store).forCase(caseId);
    if (!children)
        return children.error();
    QList<Letter> letters;
    auto done = store.transaction([&]() -> Result<void> {
        for (const Child &child : std::as_const(*children)) {
            auto letter = draft(store, child.meta.id, kind);
            if (!letter)
                return letter.error();
            letters.append(*letter);
        }
        return {};
    });
    if (!done)
        return done.error();
    return letters;
}

} // namespace lantern
