#pragma once

#include "Letter.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>

namespace lantern {

class Store;

// A letter as an A4 PDF: the office and date at the top, the letter, a line to sign, and a QR
// code to the feedback address (libqrencode). Needs a QGuiApplication (offscreen is fine).
class LetterPdf
{
    Q_DECLARE_TR_FUNCTIONS(LetterPdf)

public:
    static Result<QByteArray> render(Store &store, const Letter &letter);
    // The whole page as HTML with the QR code as an image resource named qr:feedback; used by
    // the PDF, the print preview and printing, so they all match.
    static Result<QString> pageHtml(Store &store, const Letter &letter, QImage *qrCode);
    // The QR code's modules (true = dark), row by row; empty when the text cannot be encoded.
    static QList<QList<bool>> qrMatrix(const QString &text);
    static QImage qrImage(const QString &text, int moduleSize = 8);
};

} // namespace lantern
