// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QAbstractSpinBox;
class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace halfopen::ui {

// Setting fields that are applied to a running lab together (a side's socket options, the
// cable's loss). Waits until the typing pauses, so "30" is one change and not 3 then 30;
// then, when every field holds a value it accepts, emits settled(). A field holding text it
// does not accept (emptied, below its minimum) turns red, and `problem` says which field, what
// it holds and what is allowed: nothing is applied until it is fixed.
class LiveSettingGroup : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultDelayMs = 600;

    LiveSettingGroup(QLabel *problem, QObject *parent, int delayMs = kDefaultDelayMs);

    // `name` is the field's label as the user reads it.
    void add(QSpinBox *box, const QString &name);
    void add(QDoubleSpinBox *box, const QString &name);
    void add(QCheckBox *box);
    void add(QGroupBox *box);

    // The fields were set by the program (a scenario shown): nothing to apply, nothing wrong.
    void reset();
    // Checks the fields now and emits settled() if they are fine; what a pending wait would do.
    void settleNow();
    bool isWaiting() const { return m_timer.isActive(); }
    // The fields' problems as shown, empty when every field is acceptable.
    QString problems() const;

signals:
    void settled();

private:
    struct Field
    {
        QPointer<QAbstractSpinBox> box;
        QString name;
        QString toolTip; // the field's own, restored when the problem goes
        bool marked = false;
    };
    // Its problem reads as the scenario reader's and the CLI's (SettingField::problemText).
    void addField(QAbstractSpinBox *box, const QString &name);
    void edited();
    void mark(Field &field, const QString &problem);
    void unmark(Field &field);

    QLabel *m_problem;
    QList<Field> m_fields;
    QTimer m_timer;
};

} // namespace halfopen::ui
