// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/EventPayload.h"

#include <QAtomicInt>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QHash>

#include <array>
#include <cstdlib>
#include <cstring>
#include <new>
#include <utility>

namespace halfopen::core {

namespace {

// Field names written on most events (the cable's packets first), kept as their index here; any
// other name is kept as text. Only this process reads the encoding: the order may change freely.
constexpr std::array<const char *, 32> kKnownKeys = {
    "direction",
    "flags",
    "seq",
    "ack",
    "rel_seq",
    "rel_ack",
    "len",
    "win",
    "class",
    "dropped",
    "aggregated",
    "frames",
    "icmp_type",
    "icmp_code",
    "original",
    "original_seq",
    "arp_op",
    "operation",
    "fatal",
    "message",
    "rtt_ms",
    "live",
    "how",
    "bytes_sent",
    "t_s",
    "reason",
    "requested",
    "applied",
    "failed",
    "heartbeat",
    "syn_retransmits",
    "since_last_received_ms",
};

int knownKey(const QString &key)
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (size_t i = 0; i < kKnownKeys.size(); ++i)
            h.insert(QLatin1StringView(kKnownKeys[i]), int(i));
        return h;
    }();
    return index.value(key, -1);
}

quint32 blockLength(const char *block)
{
    quint32 length = 0;
    std::memcpy(&length, block, sizeof length);
    return length;
}

// A block is shared between the copies of an event, as a QJsonObject was: the evaluator and
// the models copy events, and a copy must cost an increment, not an allocation. Its reference
// count sits just before it (kRefBytes keep the length field aligned).
constexpr size_t kRefBytes = 8;
static_assert(sizeof(QAtomicInt) <= kRefBytes);

QAtomicInt *referenceOf(char *block)
{
    return std::launder(reinterpret_cast<QAtomicInt *>(block - kRefBytes));
}

char *newBlock(const QByteArray &cbor)
{
    const auto length = quint32(cbor.size());
    auto *base = static_cast<char *>(std::malloc(kRefBytes + sizeof length + length));
    Q_CHECK_PTR(base);
    new (base) QAtomicInt(1);
    char *block = base + kRefBytes;
    std::memcpy(block, &length, sizeof length);
    std::memcpy(block + sizeof length, cbor.constData(), length);
    return block;
}

char *shareBlock(char *block)
{
    if (block)
        referenceOf(block)->ref();
    return block;
}

void releaseBlock(char *block)
{
    if (!block)
        return;
    QAtomicInt *reference = referenceOf(block);
    if (!reference->deref()) {
        reference->~QAtomicInt();
        std::free(block - kRefBytes);
    }
}

QString readText(QCborStreamReader &reader)
{
    QString text;
    auto chunk = reader.readString();
    while (chunk.status == QCborStreamReader::Ok) {
        text += chunk.data;
        chunk = reader.readString();
    }
    return text;
}

// The name of a field as kept: a known name's index, or the text.
struct FieldName
{
    int known = -1;
    QString text;

    QString toString() const { return known >= 0 ? QString::fromLatin1(kKnownKeys[size_t(known)]) : text; }
    template<typename Key> bool is(Key key) const
    {
        return known >= 0 ? QLatin1StringView(kKnownKeys[size_t(known)]) == key : text == key;
    }
};

// Calls visit(name, reader) at each field's value; visit reads or skips it and returns false to stop.
template<typename Visit> void forEachField(const char *block, Visit visit)
{
    if (!block)
        return;
    QCborStreamReader reader(block + sizeof(quint32), blockLength(block));
    if (!reader.isMap() || !reader.enterContainer())
        return;
    while (reader.lastError() == QCborError::NoError && reader.hasNext()) {
        FieldName name;
        if (reader.isUnsignedInteger()) {
            const quint64 i = reader.toUnsignedInteger();
            reader.next();
            if (i >= kKnownKeys.size())
                return;
            name.known = int(i);
        } else {
            name.text = readText(reader);
        }
        if (!visit(name, reader))
            return;
    }
}

} // namespace

EventDetail::EventDetail(const QJsonObject &object)
{
    assign(object);
}

EventDetail::EventDetail(std::initializer_list<QPair<QString, QJsonValue>> fields)
{
    assign(QJsonObject(fields));
}

EventDetail::EventDetail(const EventDetail &other)
    : m_block(shareBlock(other.m_block))
{ }

EventDetail::EventDetail(EventDetail &&other) noexcept
    : m_block(std::exchange(other.m_block, nullptr))
{ }

EventDetail &EventDetail::operator=(const EventDetail &other)
{
    if (this != &other) {
        char *shared = shareBlock(other.m_block);
        releaseBlock(m_block);
        m_block = shared;
    }
    return *this;
}

EventDetail &EventDetail::operator=(EventDetail &&other) noexcept
{
    std::swap(m_block, other.m_block);
    return *this;
}

EventDetail::~EventDetail()
{
    releaseBlock(m_block);
}

void EventDetail::assign(const QJsonObject &object)
{
    releaseBlock(std::exchange(m_block, nullptr));
    if (object.isEmpty())
        return;
    QByteArray cbor;
    {
        QCborStreamWriter writer(&cbor);
        writer.startMap(object.size());
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            const int known = knownKey(key);
            if (known >= 0)
                writer.append(quint64(known));
            else
                writer.append(key);
            QCborValue::fromJsonValue(it.value()).toCbor(writer);
        }
        writer.endMap();
    }
    m_block = newBlock(cbor);
}

QJsonObject EventDetail::toObject() const
{
    QJsonObject object;
    forEachField(m_block, [&object](const FieldName &name, QCborStreamReader &reader) {
        object.insert(name.toString(), QCborValue::fromCbor(reader).toJsonValue());
        return true;
    });
    return object;
}

template<typename Key> QJsonValue EventDetail::find(Key key) const
{
    QJsonValue found(QJsonValue::Undefined);
    forEachField(m_block, [&](const FieldName &name, QCborStreamReader &reader) {
        if (!name.is(key)) {
            reader.next();
            return true;
        }
        found = QCborValue::fromCbor(reader).toJsonValue();
        return false;
    });
    return found;
}

QJsonValue EventDetail::value(QStringView key) const
{
    return find(key);
}

QJsonValue EventDetail::value(QLatin1StringView key) const
{
    return find(key);
}

void EventDetail::insert(const QString &key, const QJsonValue &value)
{
    QJsonObject object = toObject();
    object.insert(key, value);
    assign(object);
}

void EventDetail::remove(const QString &key)
{
    QJsonObject object = toObject();
    object.remove(key);
    assign(object);
}

qsizetype EventDetail::encodedSize() const
{
    return m_block ? qsizetype(sizeof(quint32) + blockLength(m_block)) : 0;
}

EventSample::EventSample(const TcpInfoSample &sample)
{
    emplace(sample);
}

EventSample::EventSample(const std::optional<TcpInfoSample> &sample)
{
    if (sample)
        emplace(*sample);
}

TcpInfoSample &EventSample::operator*()
{
    m_d.detach();
    return m_d->sample;
}

TcpInfoSample &EventSample::emplace(const TcpInfoSample &sample)
{
    auto *d = new Data;
    d->sample = sample;
    m_d.reset(d);
    return d->sample;
}

} // namespace halfopen::core
