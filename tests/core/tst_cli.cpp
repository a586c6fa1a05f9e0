// lantern-cli as a script would use it: exit codes, messages, and files left as they were.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void noCommandShowsUsage()
    {
        const Run run = cli({});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("Usage: lantern-cli"));
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains("demo") && help.out.contains("check"));
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("Unknown command: frobnicate"));
    }

    void demoThenCheck()
    {
        const QString path = m_dir.filePath(QStringLiteral("demo.db"));
        const Run made = cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
                              QStringLiteral("--cases"), QStringLiteral("12")});
        QCOMPARE(made.code, 0);
        QVERIFY2(made.out.contains("12 open"), made.out.constData());

        const Run checked = cli({QStringLiteral("check"), QStringLiteral("--store"), path});
        QCOMPARE(checked.code, 0);
        QVERIFY(checked.out.contains("Schema version"));
        QVERIFY(checked.out.contains("Integrity: ok"));

        // A second demo into the same store is refused and changes nothing.
        const QByteArray before = hashOf(path);
        const Run again = cli({QStringLiteral("demo"), QStringLiteral("--store"), path});
        QCOMPARE(again.code, 2);
        QVERIFY(again.err.contains("already holds cases"));
        QCOMPARE(hashOf(path), before);
    }

    void badValuesAreUsageErrors()
    {
        const QString path = m_dir.filePath(QStringLiteral("never.db"));
        for (const QString &cases : {QStringLiteral("abc"), QStringLiteral("0"),
                                     QStringLiteral("-5"), QStringLiteral("999999999")}) {
            const Run run = cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
                                 QStringLiteral("--cases"), cases});
            QCOMPARE(run.code, 2);
            QVERIFY(run.err.contains("--cases"));
        }
        QVERIFY(!QFile::exists(path));
        const Run extra = cli({QStringLiteral("check"), QStringLiteral("stray")});
        QCOMPARE(extra.code, 2);
    }

    void syncRefusesBadInputAndMakesNoStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("sync-never.db"));
        const auto sync = [&](const QString &server, const QByteArray &input = {}) {
            QStringList arguments = {QStringLiteral("sync"), QStringLiteral("--store"), path,
                                     QStringLiteral("--user"), QStringLiteral("asha")};
            if (!server.isEmpty())
                arguments += {QStringLiteral("--server"), server};
            return cli(arguments, input);
        };
        const Run noServer = sync({});
        QCOMPARE(noServer.code, 2);
        QVERIFY(noServer.err.contains("--server"));
        // Case data travels encrypted: plain http only to this computer.
        const Run plain = sync(QStringLiteral("http://lantern.example"), "a password\n");
        QCOMPARE(plain.code, 2);
        QVERIFY(plain.err.contains("https://"));
        // No password on standard input and (under test) no keychain: a clear usage error.
        const Run noPassword = sync(QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(noPassword.code, 2);
        QVERIFY(noPassword.err.contains("standard input"));
        // A server that is not there: sync did not finish, and no store was made.
        const Run offline = sync(QStringLiteral("http://127.0.0.1:9"), "a password\n");
        QCOMPARE(offline.code, 4);
        QVERIFY(offline.err.contains("sign in"));
        QVERIFY(!QFile::exists(path));
    }

    void checkRefusesWhatIsNotAStore()
    {
        const QString text = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Not a database, just some words.\n");
        file.close();
        const QByteArray before = hashOf(text);
        const Run run = cli({QStringLiteral("check"), QStringLiteral("--store"), text});
        QCOMPARE(run.code, 3);
        QVERIFY(run.err.contains("not a SQLite database"));
        QCOMPARE(hashOf(text), before);

        const Run missing = cli({QStringLiteral("check"), QStringLiteral("--store"),
                                 m_dir.filePath(QStringLiteral("missing.db"))});
        QCOMPARE(missing.code, 3);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.db"))));
    }

    void renderLetter()
    {
        const QString path = m_dir.filePath(QStringLiteral("letters.db"));
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
                      QStringLiteral("--cases"), QStringLiteral("3")})
                     .code,
                 0);
        const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
        const Run badKind = cli({QStringLiteral("render-letter"), QStringLiteral("--store"), path,
                                 QStringLiteral("--child"), QUuid::createUuid().toString(),
                                 QStringLiteral("--kind"), QStringLiteral("thankyou"),
                                 QStringLiteral("--out"), pdf});
        QCOMPARE(badKind.code, 2);
        const Run noChild = cli({QStringLiteral("render-letter"), QStringLiteral("--store"), path,
                                 QStringLiteral("--child"), QUuid::createUuid().toString(),
                                 QStringLiteral("--kind"), QStringLiteral("introduction"),
                                 QStringLiteral("--out"), pdf});
        QCOMPARE(noChild.code, 2);
        QVERIFY(!QFile::exists(pdf));
        // The first demo child (ids are stable for a given seed).
        const QString child =
            QUuid::createUuidV5(QUuid(QStringLiteral("{6f1c2a4e-2d7b-4b8e-9a51-7d3c0f5e8b21}")),
                                QStringLiteral("20261123/child/0"))
                .toString();
        const Run ok = cli({QStringLiteral("render-letter"), QStringLiteral("--store"), path,
                            QStringLiteral("--child"), child, QStringLiteral("--kind"),
                            QStringLiteral("goodbye"), QStringLiteral("--out"), pdf});
        QCOMPARE(ok.code, 0);
        QVERIFY(ok.out.contains("Still to fill in")); // the FCA's own words are needed
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(4) == "%PDF");
    }

    void exportIcs()
    {
        const QString path = m_dir.filePath(QStringLiteral("visits.db"));
        const Run made = cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
                              QStringLiteral("--cases"), QStringLiteral("6")});
        QCOMPARE(made.code, 0);
        const QString ics = m_dir.filePath(QStringLiteral("visits.ics"));

        const Run noOut = cli({QStringLiteral("export-ics"), QStringLiteral("--store"), path});
        QCOMPARE(noOut.code, 2);
        QVERIFY2(noOut.err.contains("--out"), noOut.err.constData());
        const Run badFrom = cli({QStringLiteral("export-ics"), QStringLiteral("--store"), path,
                                 QStringLiteral("--out"), ics, QStringLiteral("--from"),
                                 QStringLiteral("31/03/26")});
        QCOMPARE(badFrom.code, 2);
        QVERIFY2(badFrom.err.contains("--from"), badFrom.err.constData());
        const Run badTo = cli({QStringLiteral("export-ics"), QStringLiteral("--store"), path,
                               QStringLiteral("--out"), ics, QStringLiteral("--to"),
                               QStringLiteral("2026-02-30")});
        QCOMPARE(badTo.code, 2);
        const Run backwards = cli({QStringLiteral("export-ics"), QStringLiteral("--store"), path,
                                   QStringLiteral("--out"), ics, QStringLiteral("--from"),
                                   QStringLiteral("2026-05-01"), QStringLiteral("--to"),
                                   QStringLiteral("2026-04-01")});
        QCOMPARE(backwards.code, 2);
        QVERIFY(!QFile::exists(ics));

        const Run missing =
            cli({QStringLiteral("export-ics"), QStringLiteral("--store"),
                 m_dir.filePath(QStringLiteral("absent.db")), QStringLiteral("--out"), ics});
        QCOMPARE(missing.code, 3);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("absent.db"))));
        QVERIFY(!QFile::exists(ics));

        const Run done = cli({QStringLiteral("export-ics"), QStringLiteral("--store"), path,
                              QStringLiteral("--out"), ics});
        QCOMPARE(done.code, 0);
        QVERIFY2(done.out.contains("written to"), done.out.constData());
        QFile file(ics);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("BEGIN:VCALENDAR"));
        QVERIFY(text.contains("BEGIN:VEVENT"));
        QVERIFY(text.contains("TZID:Europe/London"));
        // The count printed is the number of events in the file.
        const QByteArray count = QByteArray::number(text.count("BEGIN:VEVENT"));
        QVERIFY2(done.out.startsWith(count + " visit"), done.out.constData());
    }

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };

    Run cli(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path()); // never the real default store
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(LANTERN_CLI_PATH), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

    static QByteArray hashOf(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
