// Letters to children: the right template for each child, escaping, missing fields, the
// safety blocks on the final text, immutability, the PDF and its QR code, reading level.
#include "domain/Clock.h"
#include "domain/Labels.h"
#include "letters/FcaProfile.h"
#include "letters/LetterDrafter.h"
#include "letters/LetterPdf.h"
#include "letters/LetterRepository.h"
#include "letters/LetterTemplates.h"
#include "letters/Readability.h"
#include "notes/NoteRepository.h"
#include "schedule/VisitRepository.h"
#include "store/RecordRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace lantern;

namespace {

const QDateTime kNow(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC);

// The text of a PDF, read back with poppler's pdftotext.
QString pdfText(const QByteArray &pdf, const QString &dir)
{
    const QString path = dir + QStringLiteral("/letter.pdf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pdf);
    file.close();
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestLetters : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto store = Store::open(m_dir.filePath(QStringLiteral("l.db")), m_clock);
        QVERIFY(store);
        m_store = std::move(store).value();
        const FcaProfile profile{QStringLiteral("Alex Morgan"), QStringLiteral("01632 960 123"),
                                 QStringLiteral("alex.morgan@example.org"),
                                 QStringLiteral("Norbridge office"),
                                 QStringLiteral("https://feedback.example.org/lantern")};
        QVERIFY(profile.save(*m_store));
        m_caseId = addCase(QStringLiteral("ZE26P00001"), ProceedingsKind::Section7Report);
    }

    void cleanup()
    {
        m_store.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("l.db")));
    }

    void templateFollowsAgeLawAndLanguage_data()
    {
        QTest::addColumn<int>("age");
        QTest::addColumn<bool>("publicLaw");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("band");
        QTest::newRow("5, private, English")
            << 5 << false << QStringLiteral("en") << int(AgeBand::Under8);
        QTest::newRow("7, public, Welsh")
            << 7 << true << QStringLiteral("cy") << int(AgeBand::Under8);
        QTest::newRow("8, private, Welsh")
            << 8 << false << QStringLiteral("cy") << int(AgeBand::From8To12);
        QTest::newRow("12, public, English")
            << 12 << true << QStringLiteral("en") << int(AgeBand::From8To12);
        QTest::newRow("13, public, Welsh")
            << 13 << true << QStringLiteral("cy") << int(AgeBand::From13);
        QTest::newRow("17, private, English")
            << 17 << false << QStringLiteral("en") << int(AgeBand::From13);
    }

    void feedbackAddressMustBeAWebAddress()
    {
        for (const QString &bad : {QStringLiteral("not a link"), QStringLiteral("ftp://x.org/a"),
                                   QStringLiteral("javascript:alert(1)")}) {
            FcaProfile profile = *FcaProfile::load(*m_store);
            profile.feedbackLink = bad;
            const auto saved = profile.save(*m_store);
            QVERIFY(!saved);
            QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
            QCOMPARE(saved.error().field, QStringLiteral("feedback_link"));
            QCOMPARE(FcaProfile::load(*m_store)->feedbackLink,
                     QStringLiteral("https://feedback.example.org/lantern"));
        }
        FcaProfile none = *FcaProfile::load(*m_store);
        none.feedbackLink.clear(); // no feedback address at all is allowed
        QVERIFY(none.save(*m_store));
    }

    void templateFollowsAgeLawAndLanguage()
    {
        QFETCH(int, age);
        QFETCH(bool, publicLaw);
        QFETCH(QString, language);
        QFETCH(int, band);
        const QUuid caseId = publicLaw
                                 ? addCase(QStringLiteral("CF26C00002"), ProceedingsKind::CareOrder)
                                 : m_caseId;
        const QUuid childId = addChild(caseId, QStringLiteral("Nia Evans"), {}, age, language);
        for (LetterKind kind : {LetterKind::Introduction, LetterKind::Goodbye}) {
            auto letter = LetterDrafter::draft(*m_store, childId, kind);
            QVERIFY2(letter, qPrintable(letter ? QString() : letter.error().message));
            QCOMPARE(letter->language, language);
            auto used = RecordRepository<LetterTemplate>(*m_store).get(letter->templateId);
            QVERIFY(used);
            QCOMPARE(int(used->ageBand), band);
            QCOMPARE(used->publicLaw, publicLaw);
            QCOMPARE(used->language, language);
            QCOMPARE(used->kind, kind);
            QCOMPARE(letter->templateVersion, LetterTemplates::kDefaultVersion);
            const QString text = LetterSafety::plainText(letter->bodyHtml);
            QVERIFY(text.contains(QStringLiteral("Nia")));
            QVERIFY(text.contains(language == QLatin1String("cy") ? QStringLiteral("Annwyl")
                                                                  : QStringLiteral("Dear")));
            QVERIFY(!text.contains(QStringLiteral("{{")));
        }
    }

    void everyDefaultTemplateRendersCleanly()
    {
        QCOMPARE(*LetterTemplates::installDefaults(*m_store), 24);
        QCOMPARE(*LetterTemplates::installDefaults(*m_store), 0); // only once
        auto all = RecordRepository<LetterTemplate>(*m_store).all();
        QCOMPARE(all->size(), 24);
        LetterFields fields;
        for (const char *key :
             {"child_name", "child_age", "fca_name", "fca_role", "fca_phone", "fca_email",
              "fca_office", "court", "hearing_date", "hearing_kind", "hearing_place",
              "outcome_decision", "outcome_reasons", "recommendation", "recommendation_reasons",
              "child_wishes", "feedback_link"})
            fields.values.insert(QLatin1String(key), QStringLiteral("X"));
        fields.sections.insert(QStringLiteral("has_hearing"), true);
        fields.sections.insert(QStringLiteral("recommendation_differs"), true);
        fields.visits.append({{QStringLiteral("when"), QStringLiteral("W")},
                              {QStringLiteral("where"), QStringLiteral("P")},
                              {QStringLiteral("with"), QStringLiteral("Y")}});
        for (const LetterTemplate &t : std::as_const(*all)) {
            auto body = LetterDrafter::render(t.body, fields);
            QVERIFY2(body, qPrintable(LetterTemplates::resourcePath(t.kind, t.ageBand, t.publicLaw,
                                                                    t.language)));
            // Every field the template uses is one the drafter knows: nothing left missing.
            QVERIFY2(LetterDrafter::missingFields(*body).isEmpty(),
                     qPrintable(LetterDrafter::missingFields(*body).join(QLatin1Char(','))));
            const ReadingEstimate e =
                Readability::estimate(LetterSafety::plainText(*body), t.language);
            // Each shipped letter reads at its age band (the oldest age in it, plus a year).
            const double limit = t.ageBand == AgeBand::Under8      ? 8.0
                                 : t.ageBand == AgeBand::From8To12 ? 13.0
                                                                   : 18.0;
            QVERIFY2(e.readingAge <= limit,
                     qPrintable(QStringLiteral("%1: reading age %2")
                                    .arg(LetterTemplates::resourcePath(t.kind, t.ageBand,
                                                                       t.publicLaw, t.language))
                                    .arg(e.readingAge)));
        }
    }

    void valuesAreEscaped()
    {
        const QUuid childId =
            addChild(m_caseId, QStringLiteral("Ŵyn O'Neill"), QStringLiteral("Ŷw <b>&\"O'Neill\""),
                     10, QStringLiteral("en"));
        auto letter = LetterDrafter::draft(*m_store, childId, LetterKind::Introduction);
        QVERIFY(letter);
        QVERIFY(!letter->bodyHtml.contains(QStringLiteral("<b>&")));
        QVERIFY(letter->bodyHtml.contains(QStringLiteral("&lt;b&gt;&amp;&quot;O&#39;Neill&quot;")));
        // Read back as text, the name is exactly what was typed, Welsh letters and all.
        QVERIFY(LetterSafety::plainText(letter->bodyHtml)
                    .contains(QStringLiteral("Ŷw <b>&\"O'Neill\"")));
    }

    void missingFieldsBlockFinalising()
    {
        QVERIFY(FcaProfile{}.save(*m_store)); // no name, no contact details
        const QUuid childId =
            addChild(m_caseId, QStringLiteral("Leo Price"), {}, 9, QStringLiteral("en"));
        auto letter = LetterDrafter::draft(*m_store, childId, LetterKind::Goodbye);
        QVERIFY(letter);
        const QStringList missing = LetterDrafter::missingFields(letter->bodyHtml);
        QVERIFY(missing.contains(QStringLiteral("fca_name")));
        QVERIFY(missing.contains(QStringLiteral("recommendation")));
        auto refused = LetterRepository(*m_store).finalise(letter->meta.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidInput);
        QVERIFY(refused.error().message.contains(QStringLiteral("What you recommended")));
        QCOMPARE(LetterRepository(*m_store).get(letter->meta.id)->status, LetterStatus::Draft);
        // Template braces typed in by hand block it too.
        QVERIFY(LetterRepository(*m_store).saveDraft(letter->meta.id,
                                                     QStringLiteral("<p>Dear {{child_name}}</p>")));
        auto problems = LetterRepository(*m_store).problems(letter->meta.id);
        QCOMPARE(problems->size(), 1);
        QCOMPARE(problems->constFirst().kind, LetterProblem::MissingField);
    }

    void safetyBlocksRunOnTheFinalText()
    {
        const QUuid childId =
            addChild(m_caseId, QStringLiteral("Ruby Hollis"), {}, 11, QStringLiteral("en"));
        Adult mother;
        mother.caseId = m_caseId;
        mother.childIds = {childId};
        mother.name = QStringLiteral("Claire Hollis");
        mother.role = AdultRole::Mother;
        mother.relationship = QStringLiteral("Mother");
        mother.address = QStringLiteral("14 Willow Court, Eastwick");
        mother.addressConfidential = true;
        QVERIFY(AdultRepository(*m_store).add(mother));
        Adult partner;
        partner.caseId = m_caseId;
        partner.childIds = {childId};
        partner.name = QStringLiteral("Wayne Thackray");
        partner.relationship = QStringLiteral("Father's new partner");
        partner.childMustNotKnow = true;
        QVERIFY(AdultRepository(*m_store).add(partner));
        NoteRepository notes(*m_store);
        auto note = notes.start(m_caseId, {childId}, NoteKind::Visit, kNow.addDays(-2));
        const QString noteText = QStringLiteral(
            "Ruby said she is worried about the arguments at home and does not sleep well.");
        QVERIFY(notes.saveDraft(note->meta.id, noteText, noteText, 0));
        QVERIFY(notes.finalise(note->meta.id));

        auto letter = LetterDrafter::draft(*m_store, childId, LetterKind::Introduction);
        QVERIFY(letter);
        LetterRepository letters(*m_store);
        QVERIFY2(letters.problems(letter->meta.id)->isEmpty(),
                 qPrintable(letters.problems(letter->meta.id)->value(0).message));
        const QString clean = letter->bodyHtml;

        const auto blockedBy = [&](const QString &typed, LetterProblem::Kind kind) {
            QVERIFY(letters.saveDraft(
                letter->meta.id, clean + QStringLiteral("<p>%1</p>").arg(typed.toHtmlEscaped())));
            auto problems = letters.problems(letter->meta.id);
            QVERIFY(problems);
            QCOMPARE(problems->size(), 1);
            QCOMPARE(problems->constFirst().kind, kind);
            // The message never repeats the secret itself.
            QVERIFY(!problems->constFirst().message.contains(typed));
            QVERIFY(!letters.finalise(letter->meta.id));
        };
        blockedBy(QStringLiteral("I will visit you at 14 Willow Court."),
                  LetterProblem::ConfidentialAddress);
        blockedBy(QStringLiteral("14, willow   court, EASTWICK"),
                  LetterProblem::ConfidentialAddress);
        blockedBy(QStringLiteral("Wayne will come too."), LetterProblem::HiddenAdult);
        blockedBy(QStringLiteral("You told me Ruby said she is worried about the arguments at "
                                 "home and does not sleep."),
                  LetterProblem::NoteText);
        // A word that only looks like part of a name is fine ("waynes" is not Wayne).
        QVERIFY(letters.saveDraft(letter->meta.id, clean));
        auto finalised = letters.finalise(letter->meta.id);
        QVERIFY2(finalised, qPrintable(finalised ? QString() : finalised.error().message));
        QCOMPARE(finalised->status, LetterStatus::Finalised);
    }

    void finalisedLettersNeverChange()
    {
        const QUuid childId =
            addChild(m_caseId, QStringLiteral("Theo Vance"), {}, 14, QStringLiteral("en"));
        auto letter = LetterDrafter::draft(*m_store, childId, LetterKind::Introduction);
        LetterRepository letters(*m_store);
        auto done = letters.finalise(letter->meta.id);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QVERIFY(!done->pdf.isEmpty());
        QVERIFY(done->pdf.startsWith("%PDF"));
        auto edit = letters.saveDraft(letter->meta.id, QStringLiteral("<p>changed</p>"));
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, ErrorCode::Immutable);
        auto direct = m_store->update(Table::Letters, letter->meta.id,
                                      {{QStringLiteral("body_html"), QStringLiteral("x")}});
        QVERIFY(!direct);
        QCOMPARE(direct.error().code, ErrorCode::Immutable);
        QCOMPARE(letters.get(letter->meta.id)->bodyHtml, done->bodyHtml);
        // How and when it was sent can still be recorded, never in the future.
        QVERIFY(
            !letters.markSent(letter->meta.id, m_clock.today().addDays(1), QStringLiteral("post")));
        QVERIFY(!letters.markSent(letter->meta.id, m_clock.today(), QStringLiteral("pigeon")));
        auto sent = letters.markSent(letter->meta.id, m_clock.today(), QStringLiteral("hand"));
        QVERIFY(sent);
        QCOMPARE(sent->status, LetterStatus::Sent);
        QCOMPARE(sent->bodyHtml, done->bodyHtml);
        QCOMPARE(sent->pdf, done->pdf);
    }

    void pdfUsesThePreferredName()
    {
        const QUuid childId = addChild(m_caseId, QStringLiteral("Isabella Fairley"),
                                       QStringLiteral("Izzy"), 9, QStringLiteral("en"));
        auto letter = LetterDrafter::compose(*m_store, childId, LetterKind::Introduction);
        QVERIFY(letter);
        auto pdf = LetterPdf::render(*m_store, *letter);
        QVERIFY(pdf);
        const QString text = pdfText(*pdf, m_dir.path());
        QVERIFY2(text.contains(QStringLiteral("Dear Izzy")), qPrintable(text.left(300)));
        QVERIFY(!text.contains(QStringLiteral("Isabella")));
        QVERIFY(text.contains(QStringLiteral("https://feedback.example.org/lantern")));
    }

    void qrCodeEncodesTheFeedbackAddress()
    {
        const QString link = QStringLiteral("https://feedback.example.org/lantern");
        const auto matrix = LetterPdf::qrMatrix(link);
        QVERIFY(matrix.size() >= 21); // version 1 or more
        QVERIFY((matrix.size() - 21) % 4 == 0);
        // The three finder patterns sit in the corners.
        for (const auto &[row, col] : {std::pair{0, 0}, std::pair{0, int(matrix.size()) - 7},
                                       std::pair{int(matrix.size()) - 7, 0}}) {
            for (int i = 0; i < 7; ++i) {
                QVERIFY(matrix[row][col + i]);
                QVERIFY(matrix[row + 6][col + i]);
                QVERIFY(matrix[row + i][col]);
            }
        }
        // The image draws exactly that matrix (module centres), inside a white border.
        const int module = 8;
        const QImage image = LetterPdf::qrImage(link, module);
        for (int y = 0; y < matrix.size(); ++y)
            for (int x = 0; x < matrix.size(); ++x) {
                const QColor pixel =
                    image.pixelColor((x + 4) * module + module / 2, (y + 4) * module + module / 2);
                QCOMPARE(pixel == Qt::black, bool(matrix[y][x]));
            }
        QCOMPARE(image.pixelColor(1, 1), QColor(Qt::white));
        // Another address, another code.
        QVERIFY(LetterPdf::qrMatrix(QStringLiteral("https://example.org/other")) != matrix);
    }

    void readingLevel()
    {
        const QString easy = QStringLiteral("I am Alex. I will come to see you. We can talk and "
                                            "draw. You can tell me what you think.");
        const QString hard = QStringLiteral(
            "The court will consider the recommendations contained within the comprehensive "
            "assessment, particularly regarding arrangements, before determining appropriate "
            "provisions concerning your circumstances.");
        const ReadingEstimate e = Readability::estimate(easy, QStringLiteral("en"));
        QCOMPARE(e.sentences, 4);
        QVERIFY(!Readability::tooHardFor(e, 7));
        const ReadingEstimate h = Readability::estimate(hard, QStringLiteral("en"));
        QVERIFY(h.readingAge > 15);
        QVERIFY(Readability::tooHardFor(h, 10));
        QVERIFY(Readability::describe(h, QStringLiteral("Mia"), 10)
                    .contains(QStringLiteral("too hard")));
        // Welsh: w and y are vowels; a diphthong counts once.
        QCOMPARE(Readability::syllablesIn(QStringLiteral("cwm"), QStringLiteral("cy")), 1);
        QCOMPARE(Readability::syllablesIn(QStringLiteral("gwrandawiad"), QStringLiteral("cy")), 3);
        QCOMPARE(Readability::syllablesIn(QStringLiteral("ysgol"), QStringLiteral("cy")), 2);
        QVERIFY(
            Readability::estimate(QStringLiteral("Dw i’n dod i dy weld di."), QStringLiteral("cy"))
                .readingAge < 8);
    }

private:
    QUuid addCase(const QString &number, ProceedingsKind kind)
    {
        Case c;
        c.caseNumber = number;
        c.court = QStringLiteral("East London Family Court");
        c.kind = kind;
        c.issuedOn = QDate(2026, 10, 1);
        auto added = CaseRepository(*m_store).add(c);
        return added ? added->meta.id : QUuid();
    }

    QUuid addChild(const QUuid &caseId, const QString &legal, const QString &preferred, int age,
                   const QString &language)
    {
        Child child;
        child.caseId = caseId;
        child.legalName = legal;
        child.preferredName = preferred;
        child.dateOfBirth = m_clock.today().addYears(-age).addDays(-10);
        child.letterLanguage = language;
        auto added = ChildRepository(*m_store).add(child);
        return added ? added->meta.id : QUuid();
    }

    QTemporaryDir m_dir;
    FixedClock m_clock{kNow};
    std::unique_ptr<Store> m_store;
    QUuid m_caseId;
};

QTEST_MAIN(TestLetters)
#include "tst_letters.moc"
