#pragma once

#include <QStyledItemDelegate>

namespace lantern {

// Draws an item's display text as simple HTML (bold for matches, line breaks).
class HtmlItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace lantern
