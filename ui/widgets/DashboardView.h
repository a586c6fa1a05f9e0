#pragma once

#include "measures/PracticeMeasures.h"

#include <QAbstractButton>
#include <QHash>
#include <QWidget>

class QChartView;
class QGridLayout;
class QLabel;

namespace lantern {

// One figure on the dashboard: a large number, what it counts, and (for a share) what it is
// out of. A button: clicking it, or Space/Enter on it, opens the cases behind it.
class FigureTile : public QAbstractButton
{
    Q_OBJECT

public:
    explicit FigureTile(QWidget *parent = nullptr);
    void setMeasure(const Measure &measure);
    const Measure &measure() const { return m_measure; }
    // What the tile shows as its number: "12", "40 of 55", or "Not yet available".
    QString valueText() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Measure m_measure;
};

// "My week": the FCA's practice measures as tiles, and the open cases by weeks open.
class DashboardView : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardView(QWidget *parent = nullptr);

    void setMeasures(const QList<Measure> &measures, const QList<WeeksBucket> &buckets);
    FigureTile *tile(const QString &key) const { return m_tiles.value(key); }
    QChartView *chartView() const { return m_chartView; }
    // Opens the cases behind one bar of the chart, as a click on it does.
    void activateBucket(int index);

signals:
    // A figure was chosen: show the caseload limited to these cases under this title.
    void figureActivated(const QString &title, const QList<QUuid> &caseIds);

private:
    FigureTile *tileFor(const Measure &measure);

    QGridLayout *m_grid;
    QLabel *m_heading;
    QChartView *m_chartView;
    QHash<QString, FigureTile *> m_tiles;
    QList<WeeksBucket> m_buckets;
};

} // namespace lantern
