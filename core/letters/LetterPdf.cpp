#include "LetterPdf.h"

#include "FcaProfile.h"
#include "store/Repositories.h"
#include "store/Store.h"

#include <QBuffer>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <qrencode.h>

namespace lantern {

QList<QList<bool>> LetterPdf::qrMatrix(const QString &text)
{
    QList<QList<bool>> rows;
    const QByteArray utf8 = text.toUtf8();
    QRcode *code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return rows;
    for (int y = 0; y < code->width; ++y) {
        QList<bool> row;
        for (int x = 0; x < code->width; ++x)
            row.append(code->data[y * code->width + x] & 1);
        rows.append(row);
    }
    QRcode_free(code);
    return rows;
}

QImage LetterPdf::qrImage(const QString &text, int moduleSize)
{
    const QList<QList<bool>> matrix = qrMatrix(text);
    if (matrix.isEmpty())
        return {};
    const int quiet = 4; // the white border a reader needs
    const int size = (int(matrix.size()) + 2 * quiet) * moduleSize;
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    for (int y = 0; y < matrix.size(); ++y)
        for (int x = 0; x < matrix.size(); ++x)
            if (matrix[y][x])
                p.fillRect((x + quiet) * moduleSize, (y + quiet) * moduleSize, moduleSize,
                           moduleSize, Qt::black);
    return image;
}

Result<QString> LetterPdf::pageHtml(Store &store, const Letter &letter, QImage *qrCode)
{
    auto profile = FcaProfile::load(store);
    if (!profile)
        return profile.error();
    const bool welsh = letter.language == QLatin1String("cy");
    const QLocale locale = welsh ? QLocale(QLocale::Welsh, QLocale::UnitedKingdom)
                                 : QLocale(QLocale::English, QLocale::UnitedKingdom);
    const QDate dated =
        letter.finalisedAt.isValid() ? letter.finalisedAt.date() : store.clock().today();
    QString html =
        QStringLiteral("<div style='font-family: DejaVu Sans, sans-serif; font-size: 11pt;'>"
                       "<p align='right' style='color:#444; font-size: 10pt;'>%1<br>%2</p>")
            .arg(profile->office.toHtmlEscaped(),
                 locale.toString(dated, QStringLiteral("d MMMM yyyy")));
    html += letter.bodyHtml;
    if (!profile->feedbackLink.trimmed().isEmpty() && qrCode) {
        *qrCode = qrImage(profile->feedbackLink.trimmed());
        // One paragraph, so the code and its words never part across a page break.
        html += QStringLiteral("<p style='margin-top: 18px;'>"
                               "<img src='qr:feedback' width='90' height='90'"
                               " style='vertical-align: middle;'>&nbsp;&nbsp;%1<br><b>%2</b></p>")
                    .arg(welsh ? QStringLiteral("Dywed wrthym beth rwyt ti’n ei feddwl:")
                               : QStringLiteral("Tell us what you think:"),
                         profile->feedbackLink.trimmed().toHtmlEscaped());
    }
    html += QStringLiteral("</div>");
    return html;
}

Result<QByteArray> LetterPdf::render(Store &store, const Letter &letter)
{
    QImage qr;
    auto html = pageHtml(store, letter, &qr);
    if (!html)
        return html.error();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(20, 18, 20, 18), QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(tr("Letter"));
        writer.setCreator(QStringLiteral("Lantern"));
        QTextDocument document;
        document.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 11));
        if (!qr.isNull())
            document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("qr:feedback")),
                                 qr);
        document.setHtml(*html);
        document.print(&writer);
    }
    if (bytes.isEmpty())
        return makeError(ErrorCode::Io, tr("The letter could not be made into a PDF."));
    return bytes;
}

} // namespace lantern
