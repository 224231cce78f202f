// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: frames on the cable, parsed (FrameView) and classified (PacketClassifier)
// with flow state carried from frame to frame, as the relay does. The input is a sequence of
// frames, each preceded by a two-byte length.
#include "lab/cable/FrameView.h"
#include "lab/cable/PacketClassifier.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace halfopen::lab;
    PacketClassifier classifier;
    size_t at = 0;
    qint64 t = 0;
    while (at + 2 <= size) {
        const size_t length = std::min<size_t>((size_t(data[at]) << 8 | data[at + 1]), size - at - 2);
        const QByteArray frame(reinterpret_cast<const char *>(data) + at + 2, qsizetype(length));
        at += 2 + length;
        const FrameView view{QByteArrayView(frame)};
        const bool clientSends = (t & 1) == 0;
        using halfopen::core::Host;
        classifier.classify(view, ++t, clientSends ? Host::Client : Host::Server,
                            clientSends ? Host::Server : Host::Client);
    }
    return 0;
}
