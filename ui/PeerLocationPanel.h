#pragma once

#include <QWidget>

namespace halfopen::ui {

// "Where the peer is": the virtual lab on this machine, or a real peer on the network. The
// window drives the lab only so far; real-network mode is shown, disabled, with where to find
// it today (halfopen-cli serve/connect), rather than pretending.
class PeerLocationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PeerLocationPanel(QWidget *parent = nullptr);
};

} // namespace halfopen::ui
