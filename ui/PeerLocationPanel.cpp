#include "ui/PeerLocationPanel.h"

#include <QGroupBox>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace halfopen::ui {

PeerLocationPanel::PeerLocationPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("peerLocation"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Where the peer is"), this);
    outer->addWidget(box);
    auto *layout = new QVBoxLayout(box);

    auto *lab = new QRadioButton(tr("Virtual lab: both hosts on this machine"), box);
    lab->setObjectName(QStringLiteral("peerVirtualLab"));
    lab->setChecked(true);
    lab->setToolTip(tr("Two hosts in their own network namespaces, joined by a cable HalfOpen can cut, delay or make "
                       "lossy. Nothing leaves this machine and no root is needed."));
    auto *real = new QRadioButton(tr("Real network (not available in the window yet)"), box);
    real->setObjectName(QStringLiteral("peerRealNetwork"));
    real->setEnabled(false);
    real->setToolTip(tr("This machine as client or server, the peer another machine or device. Not in the window yet: "
                        "use halfopen-cli serve and halfopen-cli connect on the two machines."));
    layout->addWidget(lab);
    layout->addWidget(real);
}

} // namespace halfopen::ui
