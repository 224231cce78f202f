// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PredictionPanel.h"

#include "core/predict/ApplicationKeepalive.h"
#include "core/predict/DetectionPredictor.h"
#include "core/predict/PredictionText.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/MechanismText.h"
#include "lab/scenario/DetectionPrediction.h"
#include "models/DurationText.h"
#include "ui/PredictionWords.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace halfopen::ui {

using core::DeathKind;

namespace {

// What to change when nothing would ever notice this kind of death.
QString remedy(DeathKind kind)
{
    if (kind == DeathKind::PeerProcessFrozen)
        return PredictionPanel::tr("enable a heartbeat");
    return PredictionPanel::tr("enable keepalive or a heartbeat");
}

QString plainLine(const core::Prediction &p)
{
    const QString what = QStringLiteral("<b>%1</b>").arg(core::deathKindTitle(p.kind).toHtmlEscaped());
    if (p.isNever())
        return PredictionPanel::tr("%1: never — %2").arg(what, remedy(p.kind));
    // A killed peer's FIN: the application first reads end of file; EPIPE comes only on the
    // write after the one that draws the RST. Say what it sees first.
    if (p.mechanism == core::DetectionMechanism::Fin)
        return finPredictionText(what, p);
    const QString errnoText
        = p.errnoValue ? QStringLiteral(" (%1)").arg(core::ErrnoCatalog::name(p.errnoValue)) : QString();
    return PredictionPanel::tr("%1: detected by %2%3 %4 %5",
                               "%4 a duration ('5.0 s', 'about 15 min (928.9 s)'), %5 'after the last packet received'")
        .arg(what, core::MechanismText::title(p.mechanism).toHtmlEscaped(), errnoText)
        .arg(models::humanSeconds(*p.seconds()).toHtmlEscaped())
        .arg(core::timeReferenceDescription(p.reference).toHtmlEscaped());
}

QString line(const core::Prediction &p, bool yours)
{
    // The kind of death this side's traffic meets is marked: periodic sends leave data in
    // flight when the cable goes; an idle connection has none.
    if (!yours)
        return plainLine(p);
    return QStringLiteral("<u>%1</u> ◀ %2")
        .arg(plainLine(p),
             PredictionPanel::tr("what this traffic meets", "marks the kind of death the chosen traffic pattern meets")
                 .toHtmlEscaped());
}

} // namespace

PredictionPanel::PredictionPanel(QWidget *parent)
    : QWidget(parent)
    , m_config(lab::LabConfig::defaults())
    , m_side(new QComboBox(this))
    , m_source(new QLabel(this))
    , m_lines(new QLabel(this))
    , m_app(new QLineEdit(this))
{
    setObjectName(QStringLiteral("predictionPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *head = new QHBoxLayout;
    auto *title = new QLabel(tr("When will", "followed by: the client notice / the server notice"), this);
    m_side->setObjectName(QStringLiteral("predictionSide"));
    m_side->addItem(tr("the client notice", "prediction side"), QVariant::fromValue(core::Host::Client));
    m_side->addItem(tr("the server notice", "prediction side"), QVariant::fromValue(core::Host::Server));
    m_side->setToolTip(tr("Whose settings the prediction uses: the side that must notice its peer's death."));
    head->addWidget(title);
    head->addWidget(m_side);
    head->addStretch();
    layout->addLayout(head);
    // The application protocol's own keepalive, predicted beside TCP's.
    m_app->setObjectName(QStringLiteral("predictionApplication"));
    m_app->setPlaceholderText(tr("application keepalive, e.g. mqtt-client:60"));
    m_app->setToolTip(
        tr("The application protocol and its keepalive in seconds: %1. Its detection is shown beside TCP's.")
            .arg(core::ApplicationKeepalive::syntax()));
    m_app->setClearButtonEnabled(true);
    layout->addWidget(m_app);
    connect(m_app, &QLineEdit::textChanged, this, [this](const QString &text) { setApplication(text); });
    m_source->setObjectName(QStringLiteral("predictionSource"));
    m_source->setWordWrap(true);
    m_source->hide();
    layout->addWidget(m_source);
    m_lines->setObjectName(QStringLiteral("predictionText"));
    m_lines->setWordWrap(true);
    m_lines->setTextFormat(Qt::RichText);
    m_lines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lines->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_lines);
    layout->addStretch(); // a tall dock: the text stays under its title, the room goes below
    connect(m_side, &QComboBox::currentIndexChanged, this, &PredictionPanel::update);
    update();
}

void PredictionPanel::setConfig(const lab::LabConfig &config)
{
    m_config = config;
    m_applied.clear();
    update();
}

void PredictionPanel::setAppliedOptions(core::Host host, const core::SocketOptions &options)
{
    lab::HostConfig &h = host == core::Host::Server ? m_config.server : m_config.client;
    h.endpoint.options = options;
    m_applied.insert(host);
    update();
}

void PredictionPanel::setSide(core::Host host, bool fixed)
{
    const int index = m_side->findData(QVariant::fromValue(host));
    if (index >= 0)
        m_side->setCurrentIndex(index);
    m_side->setEnabled(!fixed);
}

bool PredictionPanel::setApplication(const QString &text, QString *error)
{
    if (m_app->text() != text)
        m_app->setText(text); // comes back through textChanged
    QString problem;
    std::optional<core::PredictionInput::Application> app;
    if (text.trimmed().isEmpty())
        app = core::PredictionInput::Application{};
    else
        app = core::ApplicationKeepalive::parse(text.trimmed(), &problem);
    m_app->setToolTip(
        app ? tr("The application protocol and its keepalive in seconds: %1. Its detection is shown beside TCP's.")
                  .arg(core::ApplicationKeepalive::syntax())
            : problem);
    if (error)
        *error = problem;
    if (!app)
        return false;
    m_application = *app;
    update();
    return true;
}

QString PredictionPanel::text() const
{
    return QTextDocumentFragment::fromHtml(m_lines->text()).toPlainText();
}

void PredictionPanel::update()
{
    const core::Host side = m_side->currentData().value<core::Host>();
    m_source->setVisible(m_applied.contains(side));
    m_source->setText(side == core::Host::Server
                          ? tr("With the socket options the server's kernel reported for its live connection.")
                          : tr("With the socket options the client's kernel reported for its live connection."));
    core::PredictionInput input = lab::DetectionPrediction::inputFor(m_config, side);
    input.application = m_application;
    const QList<core::SettingError> errors = input.validate();
    QStringList lines;
    if (!errors.isEmpty()) {
        for (const core::SettingError &e : errors)
            lines.append(e.message.toHtmlEscaped()); // it names the field in the reader's language
        m_lines->setText(lines.join(QStringLiteral("<br>")));
        return;
    }
    const core::DetectionPredictor predictor(input);
    QStringList explanations;
    const lab::HostConfig &host = side == core::Host::Server ? m_config.server : m_config.client;
    const DeathKind likely = host.endpoint.traffic.kind == core::TrafficPattern::Kind::Idle
        ? DeathKind::IdlePeerPoweredOff
        : DeathKind::PeerUnpluggedDataInFlight;
    for (DeathKind kind : core::allDeathKinds()) {
        const core::Prediction p = predictor.predict(kind);
        lines.append(line(p, kind == likely));
        // Dynamic ARP: the other outcomes the random reachable time can lead to.
        for (const core::PredictionPath &path : p.paths) {
            if (path.errnoValue == p.errnoValue && p.expectedUs && path.expectedUs == *p.expectedUs)
                continue;
            lines.append(QStringLiteral("&nbsp;&nbsp;")
                         + tr("or %1 (%2) after %3, %4")
                               .arg(core::MechanismText::title(path.mechanism).toHtmlEscaped(),
                                    core::ErrnoCatalog::name(path.errnoValue),
                                    core::PredictionText::duration(path.expectedUs), path.condition.toHtmlEscaped()));
        }
        if (const std::optional<core::Prediction> app = predictor.application(kind);
            app && app->mechanism != p.mechanism)
            lines.append(QStringLiteral("&nbsp;&nbsp;")
                         + tr("the application (%1): after %2 %3")
                               .arg(core::ApplicationKeepalive::title(m_application).toHtmlEscaped(),
                                    core::PredictionText::duration(*app->expectedUs),
                                    core::timeReferenceDescription(app->reference).toHtmlEscaped()));
        explanations.append(tr("%1: %2", "kind of death, explanation").arg(core::deathKindTitle(kind), p.explanation));
    }
    m_lines->setText(lines.join(QStringLiteral("<br>")));
    // The why of each line, in the predictor's own words.
    m_lines->setToolTip(explanations.join(QStringLiteral("\n\n")));
}

} // namespace halfopen::ui
