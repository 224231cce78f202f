// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-capture --local ADDR:PORT --remote ADDR:PORT [--netns PATH]
//
// Captures the packets of exactly one IPv4 TCP connection on every interface of a network
// namespace (libpcap's "any" device, the 4-tuple compiled into a kernel BPF filter, so no other
// packet ever reaches this process) and streams them on stdout:
//   "HOCAP1\n" once the capture runs, then per packet
//   u64 CLOCK_MONOTONIC microseconds, u32 length (both little-endian), an Ethernet frame.
// Linux cooked headers are rewritten as Ethernet headers (the lab's classifier and pcap files
// speak Ethernet). Needs CAP_NET_RAW (root, or the capability granted to this file); without it
// it says so on stderr and exits 3. It only reads, and ends when its parent does.

#include <pcap/pcap.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

namespace {

int64_t clockUs(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return int64_t(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

bool splitAddress(const std::string &text, std::string *host, std::string *port)
{
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return false;
    *host = text.substr(0, colon);
    *port = text.substr(colon + 1);
    in_addr ignored{};
    return inet_pton(AF_INET, host->c_str(), &ignored) == 1
        && port->find_first_not_of("0123456789") == std::string::npos;
}

[[noreturn]] void fail(int status, const std::string &message)
{
    std::fprintf(stderr, "halfopen-capture: %s\n", message.c_str());
    std::exit(status);
}

struct Stream
{
    int64_t realtimeMinusMonotonicUs = 0;
    int linkType = DLT_EN10MB;
};

void writeFrame(const uint8_t *frame, uint32_t length, int64_t monotonicUs)
{
    uint8_t header[12];
    for (int i = 0; i < 8; ++i)
        header[i] = uint8_t(uint64_t(monotonicUs) >> (8 * i));
    for (int i = 0; i < 4; ++i)
        header[8 + i] = uint8_t(length >> (8 * i));
    if (std::fwrite(header, 1, sizeof header, stdout) != sizeof header
        || std::fwrite(frame, 1, length, stdout) != length || std::fflush(stdout) != 0)
        std::exit(0); // the reader is gone
}

void onPacket(u_char *user, const pcap_pkthdr *h, const u_char *bytes)
{
    const auto *stream = reinterpret_cast<const Stream *>(user);
    const int64_t monotonicUs = int64_t(h->ts.tv_sec) * 1000000 + h->ts.tv_usec - stream->realtimeMinusMonotonicUs;
    if (stream->linkType == DLT_EN10MB) {
        writeFrame(bytes, h->caplen, monotonicUs);
        return;
    }
    // DLT_LINUX_SLL: packet type (2), ARPHRD (2), address length (2), address (8), protocol (2).
    if (h->caplen < 16)
        return;
    uint8_t frame[65536];
    const uint32_t payload = std::min<uint32_t>(h->caplen - 16, sizeof frame - 14);
    const uint16_t packetType = uint16_t(bytes[0] << 8 | bytes[1]);
    uint8_t address[6] = {};
    std::memcpy(address, bytes + 6, 6);
    // Outgoing (4): the address is ours, the source; otherwise the sender's, also the source.
    std::memset(frame, 0, 12);
    std::memcpy(frame + 6, address, 6);
    if (packetType == 4)
        frame[0] = 0x02; // a locally administered placeholder for the next hop we did not see
    frame[12] = bytes[14];
    frame[13] = bytes[15];
    std::memcpy(frame + 14, bytes + 16, payload);
    writeFrame(frame, payload + 14, monotonicUs);
}

} // namespace

int main(int argc, char **argv)
{
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    std::string local, remote, netns;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (arg == "--local" && value)
            local = argv[++i];
        else if (arg == "--remote" && value)
            remote = argv[++i];
        else if (arg == "--netns" && value)
            netns = argv[++i];
        else
            fail(2, "usage: halfopen-capture --local ADDR:PORT --remote ADDR:PORT [--netns PATH] (IPv4)");
    }
    std::string localHost, localPort, remoteHost, remotePort;
    if (!splitAddress(local, &localHost, &localPort))
        fail(2, "--local: expected an IPv4 ADDR:PORT such as 198.18.0.1:40000, got '" + local + "'");
    if (!splitAddress(remote, &remoteHost, &remotePort))
        fail(2, "--remote: expected an IPv4 ADDR:PORT such as 198.18.0.2:1883, got '" + remote + "'");
    if (!netns.empty()) {
        const int fd = open(netns.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || setns(fd, CLONE_NEWNET) != 0)
            fail(3,
                 "cannot enter network namespace " + netns + ": " + std::strerror(errno)
                     + " (needs CAP_SYS_ADMIN over it)");
        close(fd);
    }

    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_create("any", error);
    if (!pcap)
        fail(3, std::string("pcap_create: ") + error);
    pcap_set_snaplen(pcap, 65535);
    pcap_set_immediate_mode(pcap, 1); // each packet at once: the timeline is live
    const int status = pcap_activate(pcap);
    if (status < 0) {
        const std::string why = status == PCAP_ERROR_PERM_DENIED
            ? "capturing packets needs CAP_NET_RAW: run as root, or grant it to this helper "
              "(setcap cap_net_raw+ep halfopen-capture)"
            : std::string(pcap_geterr(pcap));
        fail(3, "pcap_activate: " + why);
    }
    const std::string filter = "tcp and ((src host " + localHost + " and src port " + localPort + " and dst host "
        + remoteHost + " and dst port " + remotePort + ") or (src host " + remoteHost + " and src port " + remotePort
        + " and dst host " + localHost + " and dst port " + localPort + "))";
    bpf_program program{};
    if (pcap_compile(pcap, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0
        || pcap_setfilter(pcap, &program) != 0)
        fail(3, "BPF filter '" + filter + "': " + pcap_geterr(pcap));
    pcap_freecode(&program);

    Stream stream;
    stream.linkType = pcap_datalink(pcap);
    stream.realtimeMinusMonotonicUs = clockUs(CLOCK_REALTIME) - clockUs(CLOCK_MONOTONIC);
    std::fputs("HOCAP1\n", stdout);
    std::fflush(stdout);
    for (;;) {
        if (pcap_dispatch(pcap, -1, onPacket, reinterpret_cast<u_char *>(&stream)) < 0)
            fail(3, std::string("pcap_dispatch: ") + pcap_geterr(pcap));
        if (getppid() == 1)
            return 0;
    }
}
