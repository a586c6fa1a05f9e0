// Lantern's own English (en_GB) gives every count its right form: "1 case shown", "3 cases
// shown", never "case(s)". Every numerus string in the source must have both forms filled in.
#include <QCoreApplication>
#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void englishCountsReadNaturally()
    {
        QTranslator english;
        QVERIFY2(english.load(QStringLiteral(LANTERN_QM_DIR "/lantern_en_GB.qm")),
                 "the en_GB translation was not built");

        QFile ts(QStringLiteral(LANTERN_SOURCE_DIR "/translations/lantern_en_GB.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&ts);
        QString context;
        int counted = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message") &&
                       xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")) {
                while (!(xml.isStartElement() && xml.name() == QLatin1String("source")))
                    xml.readNext();
                const QByteArray source = xml.readElementText().toUtf8();
                const QByteArray contextName = context.toUtf8();
                const QString one = english.translate(contextName, source, nullptr, 1);
                const QString three = english.translate(contextName, source, nullptr, 3);
                QVERIFY2(!one.isEmpty() && !three.isEmpty() && one != three,
                         qPrintable(QStringLiteral("no English forms for \"%1\"")
                                        .arg(QString::fromUtf8(source))));
                QVERIFY2(!one.contains(QLatin1String("(s)")) &&
                             !three.contains(QLatin1String("(s)")),
                         qPrintable(one));
                ++counted;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(counted >= 8);
        QCOMPARE(english.translate("lantern::CaseloadView", "%n case(s) shown", nullptr, 1),
                 QStringLiteral("%n case shown"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
