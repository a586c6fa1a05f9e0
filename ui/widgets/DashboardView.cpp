#include "DashboardView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionFocusRect>
#include <QVBoxLayout>
#include <QValueAxis>

namespace lantern {

namespace {
constexpr int kColumns = 4;
const QColor kAttention(0xB4, 0x5F, 0x06); // amber: asks for action, not alarm
const QColor kCalm(0x2F, 0x6F, 0x8F);
} // namespace

FigureTile::FigureTile(QWidget *parent) : QAbstractButton(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void FigureTile::setMeasure(const Measure &measure)
{
    m_measure = measure;
    setEnabled(measure.value.has_value());
    setToolTip(measure.definition);
    setAccessibleName(measure.title + QStringLiteral(": ") + valueText());
    setAccessibleDescription(measure.definition);
    update();
}

QString FigureTile::valueText() const
{
    if (!m_measure.value)
        return tr("Not yet available");
    const QLocale locale;
    if (m_measure.outOf)
        return tr("%1 of %2")
            .arg(locale.toString(*m_measure.value), locale.toString(*m_measure.outOf));
    return locale.toString(*m_measure.value);
}

QSize FigureTile::sizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.averageCharWidth() * 26, fm.height() * 5};
}

QSize FigureTile::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.averageCharWidth() * 18, fm.height() * 5};
}

void FigureTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    const QPalette pal = palette();
    QColor fill = pal.color(QPalette::Base);
    if (isDown())
        fill = pal.color(QPalette::AlternateBase);
    else if (underMouse() && isEnabled())
        fill = pal.color(QPalette::Base).darker(103);
    QPainterPath path;
    path.addRoundedRect(box, 8, 8);
    p.fillPath(path, fill);
    p.setPen(QPen(hasFocus() ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                  hasFocus() ? 2.0 : 1.0));
    p.drawPath(path);
    // A coloured edge on the left: amber when the figure asks for action.
    const QColor accent = m_measure.needsAttention ? kAttention : kCalm;
    p.fillRect(QRectF(box.left() + 1, box.top() + 10, 4, box.height() - 20),
               isEnabled() ? accent : pal.color(QPalette::Mid));

    const int pad = 16;
    const QRect inner = rect().adjusted(pad, 10, -10, -10);
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * (m_measure.value ? 2.0 : 1.1));
    big.setBold(bool(m_measure.value));
    QFont small = font();
    const QFontMetrics bigMetrics(big);
    p.setFont(big);
    p.setPen(isEnabled() ? (m_measure.needsAttention ? kAttention : pal.color(QPalette::Text))
                         : pal.color(QPalette::PlaceholderText));
    QRect valueRect = inner;
    valueRect.setHeight(bigMetrics.height());
    p.drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter,
               bigMetrics.elidedText(valueText(), Qt::ElideRight, valueRect.width()));
    p.setFont(small);
    p.setPen(pal.color(QPalette::Text));
    QRect titleRect = inner;
    titleRect.setTop(valueRect.bottom() + 4);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_measure.title);
}

DashboardView::DashboardView(QWidget *parent)
    : QWidget(parent), m_grid(new QGridLayout), m_heading(new QLabel(this)),
      m_chartView(new QChartView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(12);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    m_heading->setFont(headingFont);
    m_heading->setText(tr("Your practice this week"));
    layout->addWidget(m_heading);
    auto *hint = new QLabel(
        tr("Choose a figure or a bar to see the cases behind it. Hover for how it is counted."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    m_grid->setSpacing(10);
    layout->addLayout(m_grid);

    auto *chart = new QChart;
    chart->setTitle(tr("Open cases by weeks open"));
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(8);
    m_chartView->setChart(chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(240);
    m_chartView->setAccessibleName(tr("Chart of open cases by weeks open"));
    layout->addWidget(m_chartView, 1);
}

FigureTile *DashboardView::tileFor(const Measure &measure)
{
    if (FigureTile *existing = m_tiles.value(measure.key))
        return existing;
    auto *tile = new FigureTile(this);
    const int index = int(m_tiles.size());
    m_grid->addWidget(tile, index / kColumns, index % kColumns);
    m_tiles.insert(measure.key, tile);
    connect(tile, &QAbstractButton::clicked, this, [this, tile] {
        const Measure &m = tile->measure();
        if (m.value)
            emit figureActivated(m.title, m.caseIds);
    });
    return tile;
}

void DashboardView::setMeasures(const QList<Measure> &measures, const QList<WeeksBucket> &buckets)
{
    for (const Measure &measure : measures)
        tileFor(measure)->setMeasure(measure);

    m_buckets = buckets;
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    auto *set = new QBarSet(tr("Open cases"));
    set->setColor(kCalm);
    QStringList labels;
    int highest = 0;
    for (const WeeksBucket &bucket : buckets) {
        *set << bucket.caseIds.size();
        labels << bucket.label;
        highest = std::max(highest, int(bucket.caseIds.size()));
    }
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(labels);
    chart->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *counts = new QValueAxis;
    counts->setRange(0, std::max(4, highest + 1 + highest / 5));
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->setTickType(QValueAxis::TicksDynamic);
    counts->setTickInterval(std::max(1, (highest + 4) / 5));
    counts->setTickAnchor(0);
    chart->addAxis(counts, Qt::AlignLeft);
    series->attachAxis(counts);
    connect(series, &QBarSeries::clicked, this,
            [this](int index, QBarSet *) { activateBucket(index); });
}

void DashboardView::activateBucket(int index)
{
    if (index < 0 || index >= m_buckets.size())
        return;
    const WeeksBucket &bucket = m_buckets.at(index);
    emit figureActivated(tr("Open %1").arg(bucket.label), bucket.caseIds);
}

} // namespace lantern
