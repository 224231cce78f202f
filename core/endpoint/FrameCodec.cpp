// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/endpoint/FrameCodec.h"

#include <QtEndian>

namespace halfopen::core {

namespace {

QByteArray header(Frame::Type type, int length)
{
    QByteArray h(FrameCodec::kHeaderBytes, Qt::Uninitialized);
    h[0] = static_cast<char>(type);
    qToBigEndian<quint16>(quint16(length), h.data() + 1);
    return h;
}

QByteArray sequenceFrame(Frame::Type type, quint32 sequence)
{
    QByteArray frame = header(type, 4);
    frame.resize(FrameCodec::kHeaderBytes + 4);
    qToBigEndian<quint32>(sequence, frame.data() + FrameCodec::kHeaderBytes);
    return frame;
}

} // namespace

QByteArray FrameCodec::encodeData(int payloadBytes)
{
    QByteArray out;
    out.reserve(payloadBytes + (payloadBytes / kMaxPayload + 1) * kHeaderBytes);
    while (payloadBytes > 0) {
        const int chunk = std::min(payloadBytes, kMaxPayload);
        out += header(Frame::Type::Data, chunk);
        out += QByteArray(chunk, 'x');
        payloadBytes -= chunk;
    }
    return out;
}

QByteArray FrameCodec::encodePing(quint32 sequence)
{
    return sequenceFrame(Frame::Type::Ping, sequence);
}

QByteArray FrameCodec::encodeAnswer(quint32 sequence)
{
    return sequenceFrame(Frame::Type::Answer, sequence);
}

QList<Frame> FrameCodec::feed(const char *data, qsizetype length)
{
    QList<Frame> frames;
    if (m_raw) {
        m_rawBytes += length;
        return frames;
    }
    m_pending.append(data, length);
    qsizetype offset = 0;
    while (m_pending.size() - offset >= kHeaderBytes) {
        const char type = m_pending.at(offset);
        const int payload = qFromBigEndian<quint16>(m_pending.constData() + offset + 1);
        const bool known = type == 'D' || ((type == 'P' || type == 'A') && payload == 4);
        if (!known) {
            m_raw = true;
            m_rawBytes += m_pending.size() - offset;
            m_pending.clear();
            return frames;
        }
        if (m_pending.size() - offset < kHeaderBytes + payload)
            break;
        Frame frame;
        frame.type = static_cast<Frame::Type>(type);
        if (frame.type == Frame::Type::Data)
            frame.payloadBytes = payload;
        else
            frame.sequence = qFromBigEndian<quint32>(m_pending.constData() + offset + kHeaderBytes);
        frames.append(frame);
        offset += kHeaderBytes + payload;
    }
    m_pending.remove(0, offset);
    return frames;
}

} // namespace halfopen::core
