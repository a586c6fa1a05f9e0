// Nothing typed is lost to a crash: a real editor process types a note, is killed with
// SIGKILL once its autosave has run, and the next start reopens the draft where it was.
#include "domain/Clock.h"
#include "notes/NoteRepository.h"
#include "store/Repositories.h"
#include "store/Store.h"
#include "store/StoreWorker.h"
#include "widgets/NoteEditor.h"

#include <QApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace lantern;

namespace {
const QString kTyped = QStringLiteral("Visited at home after school. Mara showed me the drawing "
                                      "of her family and said she wants to keep seeing Nain. ");
const QString kMore = QStringLiteral("She asked when the judge will decide.");

// The editor process: opens the note, types, reports each autosave, and waits to be killed.
int runEditor(const QString &storePath, const QUuid &noteId)
{
    SystemClock clock;
    auto store = Store::open(storePath, clock);
    if (!store)
        return 2;
    StoreWorker worker(**store);
    NoteEditor editor(**store, worker, noteId);
    editor.resize(800, 600);
    editor.show();
    int saves = 0;
    QObject::connect(&editor, &NoteEditor::draftSaved, &editor, [&saves] {
        std::printf("SAVED %d\n", ++saves);
        std::fflush(stdout);
    });
    editor.textEdit()->setFocus();
    QTest::keyClicks(editor.textEdit(), kTyped);
    // Wait for the first autosave, then type more: only the autosave may keep it.
    while (saves == 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QTest::keyClicks(editor.textEdit(), kMore);
    std::printf("TYPED\n");
    std::fflush(stdout);
    return QCoreApplication::exec(); // until killed
}
} // namespace

class TestNoteCrash : public QObject
{
    Q_OBJECT

private slots:
    void draftSurvivesKill()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        QUuid noteId;
        {
            SystemClock clock;
            auto store = Store::open(path, clock);
            QVERIFY(store);
            Case c;
            c.caseNumber = QStringLiteral("ZZ26C00099");
            c.court = QStringLiteral("Family Court at Exampleton");
            c.issuedOn = QDate::currentDate().addDays(-60);
            auto added = CaseRepository(**store).add(c);
            QVERIFY(added);
            Child child;
            child.caseId = added->meta.id;
            child.legalName = QStringLiteral("Amara Test");
            child.preferredName = QStringLiteral("Mara");
            child.dateOfBirth = QDate(2016, 2, 10);
            auto kid = ChildRepository(**store).add(child);
            QVERIFY(kid);
            auto note =
                NoteRepository(**store).start(added->meta.id, {kid->meta.id}, NoteKind::Visit,
                                              QDateTime::currentDateTimeUtc().addSecs(-600));
            QVERIFY(note);
            noteId = note->meta.id;
        }

        QProcess editor;
        editor.setProgram(QCoreApplication::applicationFilePath());
        editor.setArguments({QStringLiteral("--editor"), path, noteId.toString()});
        editor.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        editor.start();
        QVERIFY(editor.waitForStarted());
        // Wait until the whole text is typed and an autosave has run after it.
        QByteArray output;
        int savesSeen = 0;
        bool typed = false;
        QElapsedTimer limit;
        limit.start();
        while (limit.elapsed() < 60000) {
            editor.waitForReadyRead(500);
            output += editor.readAllStandardOutput();
            typed = output.contains("TYPED");
            savesSeen = int(output.count("SAVED"));
            if (typed && output.lastIndexOf("SAVED") > output.indexOf("TYPED"))
                break;
        }
        QVERIFY2(typed && savesSeen >= 2, output.constData());
        // No clean shutdown: the process is killed as a flat battery would.
        ::kill(pid_t(editor.processId()), SIGKILL);
        QVERIFY(editor.waitForFinished(10000));
        QCOMPARE(editor.exitStatus(), QProcess::CrashExit);

        // The next start finds the draft and the editor reopens it where it was.
        SystemClock clock;
        auto store = Store::open(path, clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        auto drafts = NoteRepository(**store).openDrafts();
        QVERIFY(drafts);
        QCOMPARE(drafts->size(), 1);
        QCOMPARE(drafts->constFirst().bodyText, kTyped + kMore);
        StoreWorker worker(**store);
        NoteEditor reopened(**store, worker, noteId);
        QCOMPARE(reopened.textEdit()->toPlainText(), kTyped + kMore);
        QCOMPARE(reopened.textEdit()->textCursor().position(), int((kTyped + kMore).size()));
        QVERIFY(!reopened.isLocked());
    }
};

int main(int argc, char *argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--editor") == 0) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return runEditor(QString::fromLocal8Bit(argv[2]),
                         QUuid::fromString(QLatin1String(argv[3])));
    }
    QApplication app(argc, argv);
    TestNoteCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notecrash.moc"
