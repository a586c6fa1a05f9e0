#pragma once

#include "RecordMapping.h"
#include "Store.h"
#include "StoreValues.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

#include <algorithm>

namespace lantern {

// Typed reads and writes of one kind of record. Writes go through Store's write path;
// subclasses add validation and the queries their screens need.
template <typename T> class RecordRepository
{
    Q_DECLARE_TR_FUNCTIONS(RecordRepository)

public:
    using Mapping = RecordMapping<T>;

    explicit RecordRepository(Store &store) : m_store(store) {}
    virtual ~RecordRepository() = default;

    // A live (not deleted) record by id.
    Result<T> get(const QUuid &id) const
    {
        auto rows = where(QStringLiteral("id = ?"), {storeValue::fromId(id)});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return makeError(ErrorCode::NotFound,
                             tr("This record no longer exists: it may have been deleted."));
        return rows->constFirst();
    }

    // Live records matching an SQL condition on this table's columns, with bound values.
    Result<QList<T>> where(const QString &condition, const QVariantList &values,
                           const QString &orderBy = QStringLiteral("created_at")) const
    {
        QSqlQuery query(m_store.database());
        query.setForwardOnly(true);
        query.prepare(
            QStringLiteral("SELECT * FROM %1 WHERE deleted_at IS NULL%2 ORDER BY %3")
                .arg(tableName(Mapping::table),
                     condition.isEmpty() ? QString() : QStringLiteral(" AND (%1)").arg(condition),
                     orderBy));
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return m_store.sqlError(tr("read records"), query.lastError());
        QList<T> records;
        while (query.next())
            records.append(Mapping::fromRecord(query.record()));
        return records;
    }

    Result<QList<T>> all() const { return where({}, {}); }

    // Live records with any of these ids (in pages, so any number may be asked for).
    Result<QList<T>> byIds(const QList<QUuid> &ids) const
    {
        QList<T> records;
        constexpr qsizetype kPage = 500;
        for (qsizetype from = 0; from < ids.size(); from += kPage) {
            QVariantList values;
            QStringList marks;
            for (qsizetype i = from; i < std::min(ids.size(), from + kPage); ++i) {
                values.append(storeValue::fromId(ids.at(i)));
                marks.append(QStringLiteral("?"));
            }
            auto page =
                where(QStringLiteral("id IN (%1)").arg(marks.join(QLatin1Char(','))), values);
            if (!page)
                return page.error();
            records += *page;
        }
        return records;
    }

    // Saves a new record (an id is made here when it has none) and returns it as stored.
    Result<T> add(T record)
    {
        if (auto valid = validate(record, nullptr); !valid)
            return valid.error();
        if (record.meta.id.isNull())
            record.meta.id = QUuid::createUuid();
        if (auto done = m_store.insert(Mapping::table, record.meta.id, Mapping::toFields(record));
            !done)
            return done.error();
        return get(record.meta.id);
    }

    // Saves the fields that differ from the stored record, and returns it as stored.
    Result<T> save(const T &record)
    {
        auto current = get(record.meta.id);
        if (!current)
            return current.error();
        if (auto valid = validate(record, &current.value()); !valid)
            return valid.error();
        const QVariantMap before = Mapping::toFields(*current);
        const QVariantMap after = Mapping::toFields(record);
        QVariantMap changed;
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            if (before.value(it.key()) != it.value())
                changed.insert(it.key(), it.value());
        if (auto done = m_store.update(Mapping::table, record.meta.id, changed); !done)
            return done.error();
        return get(record.meta.id);
    }

    Result<void> remove(const QUuid &id) { return m_store.softDelete(Mapping::table, id); }

protected:
    // Checks a record before it is written. `stored` is the current record on save, null on add.
    virtual Result<void> validate(const T &record, const T *stored) const
    {
        Q_UNUSED(record);
        Q_UNUSED(stored);
        return {};
    }

    Store &m_store;
};

} // namespace lantern
