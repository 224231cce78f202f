// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>
#include <array>

namespace halfopen::lab {

using MacAddress = std::array<quint8, 6>;

// Read-only parse of one Ethernet frame as it crosses the cable. It never reads past the end:
// a frame shorter than the headers it announces is `NotParsed`, and the classifier, NAT and
// ICMP builder leave it alone. Lengths come from the IPv4 header, not the frame size, because
// short frames carry Ethernet padding. The view does not copy: the frame must outlive it.
class FrameView
{
public:
    enum class Kind : quint8 {
        NotParsed, // truncated or malformed: only bytes() is meaningful
        Arp,
        Tcp,
        Icmp,
        OtherIpv4, // UDP, fragments, other protocols
        Other,     // VLAN, IPv6 but complete TCP, and every other ethertype
        Tcp6,      // TCP over IPv6 without extension headers (a watched connection's packets;
                   // the lab's hosts speak IPv4): tcp() and ipv6(), never ipv4()
    };

    static constexpr quint16 kEtherTypeIpv4 = 0x0800;
    static constexpr quint16 kEtherTypeArp = 0x0806;
    static constexpr quint16 kEtherTypeIpv6 = 0x86dd;
    static constexpr int kEthernetHeaderBytes = 14;

    // TCP header flag bits.
    static constexpr quint8 kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10, kUrg = 0x20, kEce = 0x40,
                            kCwr = 0x80;

    struct Ethernet
    {
        MacAddress destination{};
        MacAddress source{};
        quint16 etherType = 0;
    };
    struct Arp
    {
        quint16 operation = 0; // 1 request, 2 reply
        MacAddress senderMac{};
        quint32 senderIp = 0;
        MacAddress targetMac{};
        quint32 targetIp = 0;
    };
    struct Ipv4
    {
        quint32 source = 0; // host byte order
        quint32 destination = 0;
        quint8 protocol = 0;
        quint8 ttl = 0;
        quint16 totalLength = 0;
        quint16 id = 0;
        int headerLength = 0; // bytes, options included
        bool moreFragments = false;
        quint16 fragmentOffset = 0; // in 8-byte units

        bool isFragment() const { return moreFragments || fragmentOffset != 0; }
    };
    struct Ipv6
    {
        std::array<quint8, 16> source{};
        std::array<quint8, 16> destination{};
        quint8 nextHeader = 0;
        quint8 hopLimit = 0;
        quint16 payloadLength = 0;
    };
    struct Tcp
    {
        quint16 sourcePort = 0;
        quint16 destinationPort = 0;
        quint32 seq = 0;
        quint32 ack = 0;
        quint8 flags = 0;
        quint16 window = 0;
        int dataOffset = 0; // header length in bytes
        int payloadLength = 0;
        const char *payload = nullptr; // into the frame
        bool hasOptions = false;
        bool sackPermitted = false; // a SYN's SACK-permitted option (RFC 2018), read on SYNs only

        bool has(quint8 flag) const { return flags & flag; }
        // SYN and FIN occupy one sequence number each.
        quint32 sequenceSpace() const { return quint32(payloadLength) + has(kSyn) + has(kFin); }
    };
    // ICMP with, for error messages, the start of the datagram that caused it: its IPv4 header
    // and the first 8 bytes of its payload, which for TCP are the ports and the sequence number.
    struct Icmp
    {
        quint8 type = 0;
        quint8 code = 0;
        bool hasOriginal = false; // the embedded IPv4 header is complete
        Ipv4 original;
        bool hasOriginalTcp = false; // ... and is TCP with at least 8 bytes after it
        quint16 originalSourcePort = 0;
        quint16 originalDestinationPort = 0;
        quint32 originalSeq = 0;

        bool isDestinationUnreachable() const { return type == 3; }
        // Errors are never answered with errors (RFC 1122 3.2.2).
        bool isError() const { return type == 3 || type == 4 || type == 5 || type == 11 || type == 12; }
    };

    explicit FrameView(QByteArrayView frame);

    Kind kind() const { return m_kind; }
    bool isParsed() const { return m_kind != Kind::NotParsed; }
    bool isIpv4() const { return m_kind == Kind::Tcp || m_kind == Kind::Icmp || m_kind == Kind::OtherIpv4; }
    bool isTcp() const { return m_kind == Kind::Tcp || m_kind == Kind::Tcp6; }

    QByteArrayView bytes() const { return m_bytes; }
    const Ethernet &ethernet() const { return m_ethernet; }
    const Arp &arp() const { return m_arp; }
    const Ipv4 &ipv4() const { return m_ipv4; }
    const Ipv6 &ipv6() const { return m_ipv6; }
    const Tcp &tcp() const { return m_tcp; }
    const Icmp &icmp() const { return m_icmp; }

    // The IPv4 datagram without Ethernet header and padding (empty unless isIpv4()).
    QByteArrayView ipv4Datagram() const;
    QByteArrayView tcpPayload() const { return {m_tcp.payload, m_tcp.payloadLength}; }

    static QString formatIpv4(quint32 address);                       // "198.18.0.1"
    static QString formatIpv6(const std::array<quint8, 16> &address); // "fd00::1"
    // The source or destination of a TCP frame as "198.18.0.1:5000" or "[fd00::1]:5000".
    QString tcpSource() const;
    QString tcpDestination() const;
    static QString formatMac(const MacAddress &address); // "02:00:c6:12:00:01"
    // tcpdump's notation: "S", "S.", "P.", "F.", "R", "FP.", or "none".
    static QString formatTcpFlags(quint8 flags);

private:
    bool parseArp(QByteArrayView packet);
    bool parseIpv4(QByteArrayView datagram);
    bool parseIpv6(QByteArrayView packet);
    bool parseTcp(QByteArrayView segment);
    bool parseIcmp(QByteArrayView message);

    QByteArrayView m_bytes;
    Kind m_kind = Kind::NotParsed;
    Ethernet m_ethernet;
    Arp m_arp;
    Ipv4 m_ipv4;
    Ipv6 m_ipv6;
    Tcp m_tcp;
    Icmp m_icmp;
};

} // namespace halfopen::lab
