#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace lantern {

// Where "now" comes from. Production uses SystemClock; tests set the day with FixedClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // Today as the FCA sees it: the date in England and Wales.
    QDate today() const { return nowUtc().toTimeZone(londonZone()).date(); }

    static QTimeZone londonZone() { return QTimeZone(QByteArrayLiteral("Europe/London")); }
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now) : m_now(now.toUTC()) {}
    QDateTime nowUtc() const override { return m_now; }
    void set(QDateTime now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace lantern
