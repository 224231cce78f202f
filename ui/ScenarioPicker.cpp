// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ScenarioPicker.h"

#include "lab/scenario/ScenarioCatalog.h"
#include "models/ScenarioListModel.h"
#include "ui/AppSettings.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QListView>
#include <QPushButton>
#include <QRadioButton>
#include <QStyledItemDelegate>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>

namespace halfopen::ui {

using models::ScenarioListModel;

namespace {
// Opened files are kept by path: a file may share its stem with a built-in.
QString keyOf(const ScenarioListModel::Entry &entry)
{
    return entry.path.isEmpty() ? entry.name : entry.path;
}

// Qt's item painter takes each wrapped line to be as tall as the one before it, and cuts a row
// short with "…" when a taller line comes first: a Chinese title's CJK line above a Latin-only
// one ("ETIMEDOUT"). Rows get room for every line at the tallest line's height.
class EvenLinesDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        const QStyle *style = item.widget ? item.widget->style() : QApplication::style();
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, item.widget) + 1;
        const int width = item.rect.width() - 2 * margin;
        if (width <= 0 || item.text.isEmpty())
            return size;
        QTextLayout layout(item.text, item.font);
        QTextOption wrap;
        wrap.setWrapMode(QTextOption::WordWrap);
        layout.setTextOption(wrap);
        qreal tallest = 0;
        int lines = 0;
        layout.beginLayout();
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(width);
            tallest = std::max(tallest, line.height());
            ++lines;
        }
        layout.endLayout();
        size.setHeight(std::max(size.height(), qCeil(tallest * lines)));
        return size;
    }
};
} // namespace

ScenarioPicker::ScenarioPicker(ScenarioListModel *model, AppSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_settings(settings)
    , m_free(new QRadioButton(tr("Free lab session: your settings, you press the faults"), this))
    , m_scenario(new QRadioButton(tr("Scenario: timed faults, checked expectations"), this))
    , m_list(new QListView(this))
    , m_open(new QPushButton(tr("Open scenario file…"), this))
{
    setObjectName(QStringLiteral("scenarioPicker"));
    m_free->setObjectName(QStringLiteral("pickFreeSession"));
    m_scenario->setObjectName(QStringLiteral("pickScenario"));
    m_list->setObjectName(QStringLiteral("scenarioList"));
    m_open->setObjectName(QStringLiteral("openScenarioButton"));
    m_free->setToolTip(tr("Start runs the lab with the settings on the left and waits for you to press a fault."));
    m_scenario->setToolTip(
        tr("Start plays the chosen experiment: its faults at their times, then checks what was seen."));
    m_open->setToolTip(tr("Read a scenario from a JSON file (see docs/scenarios.md)."));
    m_free->setChecked(true);
    m_list->setModel(model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    // Wrap again when the dock's width changes: laid out only once, a title that fitted the
    // first width is cut with "…" in the final one (Chinese titles, short and unbroken, often do).
    m_list->setResizeMode(QListView::Adjust);
    m_list->setItemDelegate(new EvenLinesDelegate(m_list));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_free);
    layout->addWidget(m_scenario);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_open);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onRowChosen(current.row()); });
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) { onRowChosen(index.row()); });
    connect(m_open, &QPushButton::clicked, this, &ScenarioPicker::chooseFile);
    connect(m_free, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            emit freeSessionChosen();
    });
    // Back to "Scenario": the one selected in the list is the one shown again.
    connect(m_scenario, &QRadioButton::clicked, this, [this] { onRowChosen(m_list->currentIndex().row()); });
}

std::optional<lab::Scenario> ScenarioPicker::selectedScenario() const
{
    if (!m_scenario->isChecked() || !m_list->currentIndex().isValid())
        return std::nullopt;
    const auto found = m_loaded.constFind(keyOf(m_model->entry(m_list->currentIndex().row())));
    return found == m_loaded.cend() ? std::nullopt : std::optional(*found);
}

bool ScenarioPicker::selectScenario(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    m_list->setCurrentIndex(m_model->index(row));
    onRowChosen(row);
    return m_scenario->isChecked();
}

void ScenarioPicker::selectFreeSession()
{
    m_free->setChecked(true);
}

void ScenarioPicker::onRowChosen(int row)
{
    if (row < 0)
        return;
    const ScenarioListModel::Entry &entry = m_model->entry(row);
    const QString key = keyOf(entry);
    if (!m_loaded.contains(key)) {
        QString error;
        const auto scenario = entry.path.isEmpty() ? lab::ScenarioCatalog::builtIn(entry.name, &error)
                                                   : lab::Scenario::fromFile(entry.path, &error);
        if (!scenario) {
            emit problem(tr("The scenario %1 cannot be read: %2").arg(entry.name, error));
            return;
        }
        m_loaded.insert(key, *scenario);
    }
    m_scenario->setChecked(true);
    emit scenarioChosen(m_loaded.value(key));
}

bool ScenarioPicker::openFile(const QString &path)
{
    QString error;
    const auto scenario = lab::Scenario::fromFile(path, &error);
    if (!scenario) {
        emit problem(tr("The scenario file %1 cannot be used: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    m_loaded.insert(path, *scenario);
    const int row = m_model->addFile({scenario->name, scenario->title, scenario->explanation, path});
    m_list->setCurrentIndex(m_model->index(row));
    onRowChosen(row);
    return true;
}

void ScenarioPicker::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), m_settings->lastDirectory(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
    openFile(path);
}

} // namespace halfopen::ui
