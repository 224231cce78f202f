// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/PredictionInput.h"
#include "lab/LabConfig.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace halfopen::ui {

// What the settings promise before anything runs: for each kind of peer death, when and by
// what the chosen side will notice (DetectionPredictor), recomputed whenever a field changes.
// Settings the predictor refuses are listed with the field and its allowed range.
class PredictionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionPanel(QWidget *parent = nullptr);

    void setConfig(const lab::LabConfig &config);
    // The options a host's kernel reported on its live connection: the prediction uses them
    // (and says so) until the settings change again.
    void setAppliedOptions(core::Host host, const core::SocketOptions &options);
    // Whose settings the prediction uses; `fixed`: the user cannot pick the other (on a real
    // network only this machine's side is known).
    void setSide(core::Host host, bool fixed);
    QString text() const; // what the panel shows, as plain text
    // The application protocol whose keepalive is predicted beside TCP's ("mqtt-client:60");
    // empty: none. False with the field's message when the text is not one of the forms.
    bool setApplication(const QString &text, QString *error = nullptr);

private:
    void update();

    lab::LabConfig m_config;
    QSet<core::Host> m_applied; // hosts whose options come from the kernel's report
    QComboBox *m_side;
    QLabel *m_source;
    QLabel *m_lines;
    QLineEdit *m_app;
    core::PredictionInput::Application m_application;
};

} // namespace halfopen::ui
