// SPDX-License-Identifier: GPL-3.0-or-later
// halfopen-capture --local ADDR:PORT --remote ADDR:PORT [--netns PATH]
//
// Captures the packets of exactly one TCP connection (IPv4 or IPv6) on every interface of a
// network namespace (libpcap's "any" device, the 4-tuple compiled into a kernel BPF filter, so no
// other packet ever reaches this process) and streams them on stdout:
//   "HOCAP1\n" once the capture runs, then per packet
//   u64 CLOCK_MONOTONIC microseconds, u32 length (both little-endian), an Ethernet frame.
// Linux cooked headers are rewritten as Ethernet headers (the lab's classifier and pcap files
// speak Ethernet). Needs CAP_NET_RAW (root, or the capability granted to this file); without it
// it says so on stderr and exits 5 (other failures: 3; usage: 2). It only reads, and ends when its parent does.
//
// Run by a normal user through the file capability (the Debian package grants cap_net_raw to
// members of the group halfopen-capture, as Wireshark's dumpcap), it is limited to what that
// user could see anyway: only a connection whose socket belongs to that user (checked with
// sock_diag before the capture and again every second: exit 4 otherwise; it ends 5 s after the
// connection is gone), only in its own
// network namespace (--netns is for root), and it gives up every capability, and the right to
// gain any, as soon as the capture socket is open and its filter set.

#include <pcap/pcap.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
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

struct Endpoint
{
    int family = AF_INET;
    in6_addr address{}; // IPv4 in the first 4 bytes
    uint16_t port = 0;
    std::string host; // as given, without brackets
    std::string portText;
};

// "198.18.0.1:40000" or "[fd00::1]:40000".
bool splitAddress(const std::string &text, Endpoint *out)
{
    const size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        return false;
    std::string host = text.substr(0, colon);
    const std::string port = text.substr(colon + 1);
    if (port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5)
        return false;
    const unsigned long number = std::stoul(port);
    if (number == 0 || number > 65535)
        return false;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
        if (inet_pton(AF_INET6, host.c_str(), &out->address) != 1)
            return false;
        out->family = AF_INET6;
    } else if (inet_pton(AF_INET, host.c_str(), &out->address) == 1) {
        out->family = AF_INET;
    } else {
        return false;
    }
    out->port = uint16_t(number);
    out->host = host;
    out->portText = port;
    return true;
}

// The owner of the TCP socket with exactly this 4-tuple in this namespace (sock_diag's exact
// lookup: unprivileged, reads nothing but the socket's identity, state and uid). Returns false
// when there is none; *timeWait tells a TIME_WAIT remnant (whose uid the kernel reports as 0).
bool socketOwner(const Endpoint &local, const Endpoint &remote, uid_t *uid, bool *timeWait)
{
    const int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0)
        return false;
    struct
    {
        nlmsghdr header;
        inet_diag_req_v2 request;
    } message{};
    message.header.nlmsg_len = sizeof message;
    message.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    message.header.nlmsg_flags = NLM_F_REQUEST;
    message.request.sdiag_family = uint8_t(local.family);
    message.request.sdiag_protocol = IPPROTO_TCP;
    message.request.idiag_states = ~0u;
    message.request.id.idiag_sport = htons(local.port);
    message.request.id.idiag_dport = htons(remote.port);
    std::memcpy(message.request.id.idiag_src, &local.address, local.family == AF_INET ? 4 : 16);
    std::memcpy(message.request.id.idiag_dst, &remote.address, remote.family == AF_INET ? 4 : 16);
    message.request.id.idiag_cookie[0] = INET_DIAG_NOCOOKIE;
    message.request.id.idiag_cookie[1] = INET_DIAG_NOCOOKIE;
    bool found = false;
    if (send(fd, &message, sizeof message, 0) == ssize_t(sizeof message)) {
        alignas(nlmsghdr) char answer[8192];
        const ssize_t n = recv(fd, answer, sizeof answer, 0);
        const auto *h = reinterpret_cast<const nlmsghdr *>(answer);
        if (n >= ssize_t(NLMSG_LENGTH(sizeof(inet_diag_msg))) && h->nlmsg_type == SOCK_DIAG_BY_FAMILY) {
            const auto *diag = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            *uid = diag->idiag_uid;
            *timeWait = diag->idiag_state == 6; // TCP_TIME_WAIT
            found = true;
        }
    }
    close(fd);
    return found;
}

// Gives up every capability, and the right to gain any (no exec can give them back).
bool dropCapabilities()
{
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    return syscall(SYS_capset, &header, data) == 0 && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0;
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
            fail(2, "usage: halfopen-capture --local ADDR:PORT --remote ADDR:PORT [--netns PATH]");
    }
    Endpoint localEnd, remoteEnd;
    if (!splitAddress(local, &localEnd))
        fail(2, "--local: expected ADDR:PORT such as 198.18.0.1:40000 or [fd00::1]:40000, got '" + local + "'");
    if (!splitAddress(remote, &remoteEnd))
        fail(2, "--remote: expected ADDR:PORT such as 198.18.0.2:1883 or [fd00::2]:1883, got '" + remote + "'");
    if (localEnd.family != remoteEnd.family)
        fail(2, "--local and --remote: one is IPv4, the other IPv6");
    // Root may watch any connection anywhere; anyone else (through the file capability) only
    // their own connections, in their own namespace.
    const bool root = getuid() == 0;
    if (!netns.empty()) {
        if (!root)
            fail(3, "--netns: watching a connection in another network namespace needs root");
        const int fd = open(netns.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || setns(fd, CLONE_NEWNET) != 0)
            fail(3,
                 "cannot enter network namespace " + netns + ": " + std::strerror(errno)
                     + " (needs CAP_SYS_ADMIN over it)");
        close(fd);
    }
    int64_t goneSinceUs = 0;
    const auto checkOwner = [&](bool atStart) {
        if (root)
            return;
        uid_t owner = 0;
        bool timeWait = false;
        if (!socketOwner(localEnd, remoteEnd, &owner, &timeWait)) {
            if (atStart)
                fail(4, "no TCP connection " + local + " -> " + remote + " in this network namespace");
            // Closed meanwhile: its last packets still come for a while, then nothing of it can.
            const int64_t now = clockUs(CLOCK_MONOTONIC);
            if (goneSinceUs == 0)
                goneSinceUs = now;
            else if (now - goneSinceUs >= 5000000)
                std::exit(0);
            return;
        }
        goneSinceUs = 0;
        if (!timeWait && owner != getuid())
            fail(4,
                 "the connection " + local + " -> " + remote + " belongs to uid " + std::to_string(owner)
                     + ", not to you (uid " + std::to_string(getuid())
                     + "): watching another user's connection needs root");
    };
    checkOwner(true);

    char error[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_create("any", error);
    if (!pcap)
        fail(3, std::string("pcap_create: ") + error);
    pcap_set_snaplen(pcap, 65535);
    pcap_set_immediate_mode(pcap, 1); // each packet at once: the timeline is live
    pcap_set_timeout(pcap, 1000);     // wakes at least every second: the owner is checked again
    const int status = pcap_activate(pcap);
    if (status < 0) {
        const std::string why = status == PCAP_ERROR_PERM_DENIED
            ? "capturing packets needs CAP_NET_RAW: run as root, or grant it to this helper "
              "(setcap cap_net_raw=ep halfopen-capture; the Debian package grants it to the group "
              "halfopen-capture)"
            : std::string(pcap_geterr(pcap));
        fail(status == PCAP_ERROR_PERM_DENIED ? 5 : 3, "pcap_activate: " + why);
    }
    const auto hostPort = [](const char *side, const Endpoint &e) {
        return std::string(side) + " host " + e.host + " and " + side + " port " + e.portText;
    };
    const std::string filter = "tcp and ((" + hostPort("src", localEnd) + " and " + hostPort("dst", remoteEnd)
        + ") or (" + hostPort("src", remoteEnd) + " and " + hostPort("dst", localEnd) + "))";
    bpf_program program{};
    if (pcap_compile(pcap, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0
        || pcap_setfilter(pcap, &program) != 0)
        fail(3, "BPF filter '" + filter + "': " + pcap_geterr(pcap));
    pcap_freecode(&program);
    // The filter cannot be taken off or replaced, and nothing here needs a capability any more.
    const int lock = 1;
    setsockopt(pcap_fileno(pcap), SOL_SOCKET, SO_LOCK_FILTER, &lock, sizeof lock);
    if (!dropCapabilities())
        fail(3, std::string("cannot give up capabilities: ") + std::strerror(errno));

    Stream stream;
    stream.linkType = pcap_datalink(pcap);
    stream.realtimeMinusMonotonicUs = clockUs(CLOCK_REALTIME) - clockUs(CLOCK_MONOTONIC);
    std::fputs("HOCAP1\n", stdout);
    std::fflush(stdout);
    int64_t checkedUs = clockUs(CLOCK_MONOTONIC);
    for (;;) {
        if (pcap_dispatch(pcap, -1, onPacket, reinterpret_cast<u_char *>(&stream)) < 0)
            fail(3, std::string("pcap_dispatch: ") + pcap_geterr(pcap));
        if (getppid() == 1)
            return 0;
        if (clockUs(CLOCK_MONOTONIC) - checkedUs >= 1000000) {
            checkOwner(false); // the 4-tuple may have been reused by someone else's connection
            checkedUs = clockUs(CLOCK_MONOTONIC);
        }
    }
}
