// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/cable/FrameView.h"
#include "lab/cable/TcpFlowKey.h"

#include <QByteArray>
#include <QHash>

namespace halfopen::lab {

// The cable as a NAT or stateful firewall: it remembers each TCP flow it saw and forgets one
// that stayed idle longer than the timeout. A forgotten flow's frames are dropped, or answered
// with an RST in reset mode, until a new SYN creates the flow again. This is how most
// half-open connections happen in the field: both hosts are fine, the box between them forgot.
//
// Keep one table for the whole run: flows are tracked while the timeout is off too, so
// connections opened before the timeout is set are still known afterwards.
class NatTable
{
public:
    enum class Verdict : quint8 {
        Pass,  // forward the frame
        Drop,  // discard it silently
        Reset, // discard it and send buildReset(frame) back to its sender
    };

    void setTimeout(double seconds) { m_timeoutUs = qint64(seconds * 1e6); } // 0: off
    double timeoutS() const { return m_timeoutUs / 1e6; }
    void setResetMode(bool reset) { m_reset = reset; }
    bool resetMode() const { return m_reset; }

    // Decides about one frame crossing at `nowUs` (CLOCK_MONOTONIC) and refreshes its flow.
    // Only TCP is tracked; every other frame passes.
    Verdict process(const FrameView &frame, qint64 nowUs);

    // The RST the NAT sends to `frame`'s sender in the name of its receiver, with the
    // sequence numbers a TCP stack would use (RFC 793, tcp_v4_send_reset): seq = the
    // segment's ack if it has one, else ack = its seq + length and the ACK flag.
    // Empty for frames that are not TCP, and for an RST (an RST is never answered).
    static QByteArray buildReset(const FrameView &frame);

private:
    QHash<TcpFlowKey, qint64> m_lastActivityUs;
    qint64 m_timeoutUs = 0;
    bool m_reset = false;
};

} // namespace halfopen::lab
