// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/scenario/Scenario.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QListView;
class QPushButton;
class QRadioButton;

namespace halfopen::models {
class ScenarioListModel;
}

namespace halfopen::ui {

class AppSettings;

// What Start runs: a free lab session (your settings, you press the faults) or a scenario
// (its timed faults and expectations) picked from the built-ins or opened from a file.
// Picking a scenario shows its lab in the settings panels (scenarioChosen).
class ScenarioPicker : public QWidget
{
    Q_OBJECT
public:
    ScenarioPicker(models::ScenarioListModel *model, AppSettings *settings, QWidget *parent = nullptr);

    // The scenario Start should play; nullopt for a free session.
    std::optional<lab::Scenario> selectedScenario() const;
    // Picks a built-in or an opened scenario by name; false when there is none by that name.
    bool selectScenario(const QString &name);
    void selectFreeSession();
    // Reads a scenario file and picks it; a bad file is reported through problem().
    bool openFile(const QString &path);

signals:
    void scenarioChosen(const halfopen::lab::Scenario &scenario);
    // The user picked "Free lab session".
    void freeSessionChosen();
    void problem(const QString &message);

private:
    void onRowChosen(int row);
    void chooseFile();

    models::ScenarioListModel *m_model;
    AppSettings *m_settings;
    QHash<QString, lab::Scenario> m_loaded; // built-ins once read (by name), opened files (by path)
    QRadioButton *m_free;
    QRadioButton *m_scenario;
    QListView *m_list;
    QPushButton *m_open;
};

} // namespace halfopen::ui
