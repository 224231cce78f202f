// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpInfoSample.h"

#include <QExplicitlySharedDataPointer>
#include <QJsonObject>
#include <QJsonValue>
#include <QSharedData>
#include <QString>

#include <initializer_list>
#include <optional>

namespace halfopen::core {

// An event's `detail` object as it is kept in a session of hundreds of thousands of events: its
// CBOR encoding in one small block, the names of the fields the cable and the endpoints write on
// every event (seq, ack, flags, direction...) as small numbers. A QJsonObject of a packet's nine
// fields took ~600 bytes in four allocations; this takes ~64 in one. Read and written as the
// QJsonObject it stands for, so recordings, pipes and views see exactly what was put in.
class EventDetail
{
public:
    EventDetail() noexcept = default;
    EventDetail(const QJsonObject &object); // implicit: it stands for the object
    EventDetail(std::initializer_list<QPair<QString, QJsonValue>> fields);
    EventDetail(const EventDetail &other);
    EventDetail(EventDetail &&other) noexcept;
    EventDetail &operator=(const EventDetail &other);
    EventDetail &operator=(EventDetail &&other) noexcept;
    ~EventDetail();

    QJsonObject toObject() const;
    operator QJsonObject() const { return toObject(); } // implicit, for code taking a QJsonObject

    bool isEmpty() const { return m_block == nullptr; }
    QJsonValue value(QStringView key) const;
    QJsonValue value(QLatin1StringView key) const;
    QJsonValue value(const QString &key) const { return value(QStringView(key)); }
    QJsonValue operator[](const QString &key) const { return value(key); }
    bool contains(const QString &key) const { return !value(key).isUndefined(); }
    // Rewrites the block: for producers adding a field, not for a loop over a session.
    void insert(const QString &key, const QJsonValue &value);
    void remove(const QString &key);
    qsizetype size() const { return toObject().size(); }
    QStringList keys() const { return toObject().keys(); }

    // The bytes kept, for measurements.
    qsizetype encodedSize() const;

    friend bool operator==(const EventDetail &a, const EventDetail &b) { return a.toObject() == b.toObject(); }
    friend bool operator==(const EventDetail &a, const QJsonObject &b) { return a.toObject() == b; }

private:
    template<typename Key> QJsonValue find(Key key) const;
    void assign(const QJsonObject &object);

    char *m_block = nullptr; // quint32 length, then the CBOR map; shared by copies (counted before it); null when empty
};

// An event's optional tcp_info sample, kept out of line and shared between copies of the event:
// most events carry none, and the inline std::optional cost every event ~100 bytes. Reads as the
// std::optional it replaces.
class EventSample
{
public:
    EventSample() noexcept = default;
    EventSample(std::nullopt_t) noexcept { }
    EventSample(const TcpInfoSample &sample);
    EventSample(const std::optional<TcpInfoSample> &sample);

    bool has_value() const { return bool(m_d); }
    explicit operator bool() const { return bool(m_d); }
    const TcpInfoSample &operator*() const { return m_d->sample; }
    const TcpInfoSample *operator->() const { return &m_d->sample; }
    const TcpInfoSample &value() const { return m_d->sample; }
    TcpInfoSample value_or(const TcpInfoSample &otherwise) const { return m_d ? m_d->sample : otherwise; }
    // Writing detaches from other copies of the event.
    TcpInfoSample &operator*();
    TcpInfoSample *operator->() { return &**this; }
    TcpInfoSample &emplace(const TcpInfoSample &sample = {});
    void reset() { m_d.reset(); }
    std::optional<TcpInfoSample> toOptional() const { return m_d ? std::optional(m_d->sample) : std::nullopt; }

    friend bool operator==(const EventSample &a, const EventSample &b)
    {
        return a.m_d == b.m_d || (a.m_d && b.m_d && a.m_d->sample == b.m_d->sample);
    }
    friend bool operator==(const EventSample &a, std::nullopt_t) { return !a.m_d; }

private:
    struct Data : QSharedData
    {
        TcpInfoSample sample;
    };
    QExplicitlySharedDataPointer<Data> m_d;
};

} // namespace halfopen::core
