// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: recording lines, through the fast reader and the QJsonDocument fallback,
// exactly as RecordingLoader reads a file.
#include "core/session/EventLineParser.h"
#include "core/session/JsonlReader.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace halfopen::core;
    EventLineParser parser;
    QList<Event> events;
    QStringList problems;
    parseJsonlLines(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), 1, &parser, &events,
                    &problems);
    for (const Event &e : events) {
        // What was accepted is within the limits every reader of events relies on.
        if (e.tUs < 0 || e.tUs > Event::kMaxTimeUs || e.host > Host::Peer || e.local.size() > Event::kMaxNameLength
            || e.remote.size() > Event::kMaxNameLength || e.what.size() > Event::kMaxNameLength)
            __builtin_trap();
    }
    return 0;
}
