// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "realnet/RealNetworkConfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace halfopen::ui {

// "Where the peer is": the virtual lab on this machine, or a real peer on the network. For a
// real peer: whether this machine connects (client: the peer's address and port) or waits
// (server: the address and port to listen on). The peer is another machine running
// halfopen-cli serve/connect, or any device (an MQTT broker on 1883, a PLC on 502).
class PeerLocationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PeerLocationPanel(QWidget *parent = nullptr);

    bool isRealNetwork() const;
    // The third choice: no test connection, an audit of this machine's own connections.
    bool isMachineAudit() const;
    void setMachineAudit(bool audit); // without emitting changed()
    // Shows a mode without emitting changed().
    void setRealNetwork(bool real);
    // Without a real-network driver the window offers the lab only, and says why.
    void setRealNetworkAvailable(bool available);

    realnet::RealNetworkConfig network() const;
    void setNetwork(const realnet::RealNetworkConfig &network); // without emitting changed()

signals:
    // The mode, the role or an address changed.
    void changed();

private:
    void updateFields();

    QRadioButton *m_lab;
    QRadioButton *m_real;
    QRadioButton *m_machine;
    QWidget *m_fields;
    QComboBox *m_role;
    QLabel *m_peerLabel;
    QLineEdit *m_peerAddress;
    QSpinBox *m_peerPort;
    QLabel *m_listenLabel;
    QLineEdit *m_listenAddress;
    QSpinBox *m_listenPort;
    QLabel *m_hint;
};

} // namespace halfopen::ui
