// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: `halfopen-cli exporter` scraped over many loopback connections.
//
// In a network namespace of its own (root), opens N connection pairs held by several processes
// (so 2N connection sockets, each with a process to map and options to read), starts the
// exporter there and scrapes /metrics over HTTP: the median and worst scrape time, the
// exporter's resident memory (VmRSS after the scrapes, VmHWM its peak), the series written;
// with the default --max-series and with a series for every connection. Then the exporter's
// CPU use when scraped every 15 s (as Prometheus does by default), on that namespace and on a
// small one. Targets (issue 12): a scrape over 10 000 connections <= 250 ms with RSS <= 60 MB;
// scraped every 15 s, <= 1 % of one core. Exit status 3 when a target is missed.
// The connection-holding code is sockets-bench's (tests/bench/sockets/SocketsBench.cpp).
//
//   exporter-bench --cli build/app/halfopen-cli [--sockets 10000] [--repeat 11] [--idle-seconds 60]

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <spawn.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char **environ;

namespace {

double nowMs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "exporter-bench: %s: %s\n", what, std::strerror(errno));
    std::exit(1);
}

// A fresh network namespace has its loopback down.
bool enterOwnNamespace()
{
    if (unshare(CLONE_NEWNET) != 0)
        return false;
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &request) != 0)
        die("reading lo's flags");
    request.ifr_flags |= IFF_UP;
    if (ioctl(fd, SIOCSIFFLAGS, &request) != 0)
        die("bringing lo up");
    close(fd);
    return true;
}

// Each holder process may keep this many connections (2 fds each) within RLIMIT_NOFILE, raised
// to the hard limit: raising it further needs CAP_SYS_RESOURCE, which containers often lack.
long connectionsPerHolder()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    const long fds = limit.rlim_max == RLIM_INFINITY ? 1 << 20 : long(limit.rlim_max);
    return std::max(1L, (std::min(fds, 1L << 20) - 64) / 2);
}

// Opens `count` connections to `server` from 127.0.1.`sourceHost` (the kernel picks the port at
// connect time, IP_BIND_ADDRESS_NO_PORT) and accepts them, keeping both ends.
std::vector<int> openConnections(int listener, const sockaddr_in &server, long count, unsigned sourceHost)
{
    const int on = 1;
    std::vector<int> fds;
    fds.reserve(size_t(2 * count));
    sockaddr_in source{};
    source.sin_family = AF_INET;
    source.sin_addr.s_addr = htonl((127u << 24) | (1u << 8) | sourceHost);
    for (long i = 0; i < count; ++i) {
        const int client = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (client < 0 || setsockopt(client, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on) != 0
            || bind(client, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0
            || connect(client, reinterpret_cast<const sockaddr *>(&server), sizeof server) != 0)
            die("connecting");
        // Half of them with keepalive (some with their own timers), so options and risks vary
        // as on a real server.
        if (i % 2) {
            setsockopt(client, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
            if (i % 4 == 1) {
                const int idle = 7, interval = 3, count = 4;
                setsockopt(client, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
                setsockopt(client, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
                setsockopt(client, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
            }
        }
        const int accepted = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (accepted < 0)
            die("accepting");
        fds.push_back(client);
        fds.push_back(accepted);
    }
    return fds;
}

// The connections, spread over child processes that each stay within their fd limit. A holder
// reports "ready" on a pipe, then waits for its stop pipe to close (or for us to die).
class Connections
{
public:
    explicit Connections(long perHolder)
        : m_perHolder(std::min(perHolder, connectionsPerHolder()))
    {
        m_listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || bind(m_listener, reinterpret_cast<sockaddr *>(&address), length) != 0
            || listen(m_listener, 4096) != 0
            || getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            die("listening on 127.0.0.1");
        m_server = address;
    }

    ~Connections()
    {
        for (const Holder &holder : m_holders)
            close(holder.stop);
        for (const Holder &holder : m_holders)
            waitpid(holder.pid, nullptr, 0);
        close(m_listener);
    }

    long count() const { return m_count; }
    long perHolder() const { return m_perHolder; }
    size_t holders() const { return m_holders.size(); }

    void growTo(long wanted)
    {
        while (m_count < wanted) {
            const long batch = std::min(m_perHolder, wanted - m_count);
            spawnHolder(batch);
            m_count += batch;
        }
    }

private:
    struct Holder
    {
        pid_t pid;
        int stop;
    };

    void spawnHolder(long count)
    {
        int ready[2];
        int stop[2];
        if (pipe2(ready, O_CLOEXEC) != 0 || pipe2(stop, O_CLOEXEC) != 0)
            die("pipe");
        const unsigned sourceHost = unsigned(1 + m_holders.size());
        const pid_t pid = fork();
        if (pid < 0)
            die("fork");
        if (pid == 0) {
            prctl(PR_SET_PDEATHSIG, SIGKILL);
            close(ready[0]);
            close(stop[1]);
            for (const Holder &older : m_holders)
                close(older.stop);
            const std::vector<int> fds = openConnections(m_listener, m_server, count, sourceHost);
            const char byte = 1;
            if (write(ready[1], &byte, 1) != 1)
                _exit(1);
            char ignored;
            while (read(stop[0], &ignored, 1) > 0) { }
            // An abortive close (RST) leaves no TIME_WAIT behind to fill the table for minutes.
            const linger abort{1, 0};
            for (int fd : fds) {
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
                close(fd);
            }
            _exit(0);
        }
        close(ready[1]);
        close(stop[0]);
        char byte = 0;
        if (read(ready[0], &byte, 1) != 1) {
            errno = ECHILD;
            die("a holder process failed to open its connections");
        }
        close(ready[0]);
        m_holders.push_back({pid, stop[1]});
    }

    long m_perHolder;
    long m_count = 0;
    int m_listener = -1;
    sockaddr_in m_server{};
    std::vector<Holder> m_holders;
};

struct Options
{
    std::string cli;
    long sockets = 10000; // connection sockets the exporter audits (pairs = sockets / 2)
    int repeat = 11;
    int idleSeconds = 60;
};

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (arg == "--cli" && value) {
            options.cli = argv[++i];
        } else if (arg == "--sockets" && value) {
            options.sockets = std::max(2L, std::atol(argv[++i]));
        } else if (arg == "--repeat" && value) {
            options.repeat = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--idle-seconds" && value) {
            options.idleSeconds = std::max(0, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: %s --cli PATH [--sockets N] [--repeat R] [--idle-seconds S]\n", argv[0]);
            std::exit(2);
        }
    }
    if (options.cli.empty() || access(options.cli.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "exporter-bench: --cli must name the built halfopen-cli\n");
        std::exit(2);
    }
    return options;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// GET /metrics on 127.0.0.1:port; the body, or empty when it failed.
bool accepts(unsigned short port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = fd >= 0 && connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    if (fd >= 0)
        close(fd);
    return connected;
}

std::string scrape(unsigned short port)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        if (fd >= 0)
            close(fd);
        return {};
    }
    static const char request[] = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (send(fd, request, sizeof request - 1, MSG_NOSIGNAL) < 0)
        die("sending the request");
    std::string all;
    char buffer[1 << 16];
    long length = -1;
    size_t bodyStart = 0;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 30000) <= 0)
            break;
        const ssize_t got = recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0)
            break;
        all.append(buffer, size_t(got));
        if (length < 0) {
            const size_t end = all.find("\r\n\r\n");
            if (end != std::string::npos) {
                bodyStart = end + 4;
                const size_t at = all.find("Content-Length:");
                length = at < end ? std::atol(all.c_str() + at + 15) : 0;
            }
        }
        if (length >= 0 && all.size() - bodyStart >= size_t(length))
            break;
    }
    close(fd);
    return length >= 0 ? all.substr(bodyStart) : std::string();
}

size_t countSeries(const std::string &text)
{
    size_t lines = 0;
    for (size_t at = 0; at < text.size();) {
        const size_t end = text.find('\n', at);
        if (text[at] != '#')
            ++lines;
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return lines;
}

long statusKiB(pid_t pid, const char *field)
{
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field, 0) == 0)
            return std::atol(line.c_str() + std::strlen(field) + 1);
    }
    return -1;
}

// utime + stime of the process in clock ticks.
long cpuTicks(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> field; ++i) {
        if (i == 14)
            utime = std::atol(field.c_str());
        if (i == 15) {
            stime = std::atol(field.c_str());
            break;
        }
    }
    return utime + stime;
}

class Exporter
{
public:
    Exporter(const std::string &cli, unsigned short port, const std::vector<std::string> &extra)
        : m_port(port)
    {
        std::vector<std::string> command = {cli, "exporter", "--listen", "127.0.0.1:" + std::to_string(port)};
        command.insert(command.end(), extra.begin(), extra.end());
        std::vector<char *> argv;
        for (const std::string &part : command)
            argv.push_back(const_cast<char *>(part.c_str()));
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
            die("starting the exporter");
        posix_spawn_file_actions_destroy(&actions);
        // Ready when it accepts a connection: no scrape yet, so that the first one is measured.
        for (int i = 0; i < 200 && !accepts(port); ++i)
            usleep(50000);
    }
    ~Exporter()
    {
        kill(m_pid, SIGTERM);
        waitpid(m_pid, nullptr, 0);
    }
    pid_t pid() const { return m_pid; }
    unsigned short port() const { return m_port; }

private:
    pid_t m_pid = 0;
    unsigned short m_port;
};

struct ScrapeFigures
{
    double cpuMs = 0; // the exporter's user + system time per scrape
    double firstMs = 0;
    double medianMs = 0;
    double worstMs = 0;
    size_t series = 0;
    size_t bytes = 0;
    long rssKiB = 0;
    long peakKiB = 0;
};

ScrapeFigures measureScrapes(const Options &options, const std::vector<std::string> &extra, unsigned short port)
{
    Exporter exporter(options.cli, port, extra);
    ScrapeFigures figures;
    std::vector<double> times;
    // The first scrape reads every socket's process and options; later ones read only what is
    // new or due (every 60 s), as on a machine whose connections last.
    const double firstStart = nowMs();
    scrape(port);
    figures.firstMs = nowMs() - firstStart;
    const long ticksBefore = cpuTicks(exporter.pid());
    for (int r = 0; r < options.repeat; ++r) {
        const double start = nowMs();
        const std::string body = scrape(port);
        times.push_back(nowMs() - start);
        if (body.empty())
            die("a scrape failed");
        figures.series = countSeries(body);
        figures.bytes = body.size();
    }
    figures.cpuMs
        = 1000.0 * double(cpuTicks(exporter.pid()) - ticksBefore) / double(sysconf(_SC_CLK_TCK)) / options.repeat;
    figures.medianMs = median(times);
    figures.worstMs = *std::max_element(times.begin(), times.end());
    figures.rssKiB = statusKiB(exporter.pid(), "VmRSS:");
    figures.peakKiB = statusKiB(exporter.pid(), "VmHWM:");
    return figures;
}

// CPU of an exporter scraped every 15 s for `seconds`, in % of one core.
double idleCpu(const Options &options, unsigned short port)
{
    // No scrape before the clock starts: the window holds the first scrape, which reads every
    // process and socket, and then the ones that only read what is new, as each minute does.
    Exporter exporter(options.cli, port, {});
    const long hz = sysconf(_SC_CLK_TCK);
    const long before = cpuTicks(exporter.pid());
    const double start = nowMs();
    double next = start;
    while (nowMs() - start < options.idleSeconds * 1e3) {
        if (nowMs() >= next) {
            scrape(port);
            next += 15000;
        }
        usleep(100000);
    }
    const double elapsedS = (nowMs() - start) / 1e3;
    return 100.0 * double(cpuTicks(exporter.pid()) - before) / double(hz) / elapsedS;
}

std::string loadAverage()
{
    std::ifstream file("/proc/loadavg");
    std::string a, b, c;
    file >> a >> b >> c;
    return a + " " + b + " " + c;
}

// Median wall time of `ss -tnpi`, its output drained.
double ssTime(int repeat)
{
    std::vector<double> times;
    for (int r = 0; r < repeat; ++r) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
            die("pipe");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        char *argv[] = {const_cast<char *>("ss"), const_cast<char *>("-tnpi"), nullptr};
        const double start = nowMs();
        pid_t child = 0;
        if (posix_spawnp(&child, "ss", &actions, nullptr, argv, environ) != 0)
            die("ss");
        close(fds[1]);
        char buffer[1 << 16];
        while (read(fds[0], buffer, sizeof buffer) > 0) { }
        close(fds[0]);
        waitpid(child, nullptr, 0);
        times.push_back(nowMs() - start);
        posix_spawn_file_actions_destroy(&actions);
    }
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    if (!enterOwnNamespace()) {
        std::fprintf(stderr, "exporter-bench: needs a network namespace of its own (root)\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    int status = 0;
    const double targetMs = 250, targetRssMiB = 60, targetCpu = 1.0;
    std::printf("## exporter-bench: halfopen-cli exporter in a network namespace of its own, %d scrapes each\n\n",
                options.repeat);

    unsigned short port = 19877; // the namespace is ours: no one else listens there
    {
        // A small machine first: its idle cost.
        Connections small(25);
        small.growTo(50);
        if (options.idleSeconds > 0) {
            const double cpu = idleCpu(options, port++);
            std::printf("idle, 100 connections, scraped every 15 s for %d s: %.2f %% of one core (target <= %.0f %%)\n",
                        options.idleSeconds, cpu, targetCpu);
            if (cpu > targetCpu)
                status = 3;
        }
    }

    const long pairs = options.sockets / 2;
    Connections connections((pairs + 3) / 4); // four holder processes at least
    const double openStart = nowMs();
    connections.growTo(pairs);
    std::printf(
        "\n%ld connection sockets (%ld loopback pairs, both ends audited) opened in %.0f ms, held by %zu processes\n\n",
        2 * pairs, pairs, nowMs() - openStart, connections.holders());
    std::printf("load average: %s\n", loadAverage().c_str());
    std::printf("for reference, ss -tnpi on the same sockets (processes and tcp_info, no options): %.1f ms\n\n",
                ssTime(options.repeat));
    std::printf("| exporter options | series | body | first scrape (reads all) | median scrape | worst | exporter CPU "
                "per scrape | RSS after | RSS peak |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    const std::vector<std::pair<const char *, std::vector<std::string>>> variants = {
        {"(defaults: --max-series 1000)", {}},
        {"--aggregate-only", {"--aggregate-only"}},
        {"--max-series 1000000 (every connection)", {"--max-series", "1000000"}},
    };
    for (size_t v = 0; v < variants.size(); ++v) {
        const ScrapeFigures f = measureScrapes(options, variants[v].second, port++);
        std::printf("| %s | %zu | %.1f MiB | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f MiB | %.1f MiB |\n",
                    variants[v].first, f.series, f.bytes / 1048576.0, f.firstMs, f.medianMs, f.worstMs, f.cpuMs,
                    f.rssKiB / 1024.0, f.peakKiB / 1024.0);
        if (v == 0 && (std::max(f.firstMs, f.medianMs) > targetMs || f.peakKiB / 1024.0 > targetRssMiB)) {
            std::printf("\nMISSED: the default scrape over %ld connections took %.1f ms (first: %.1f ms) with a %.1f "
                        "MiB peak (targets %.0f ms, %.0f MiB)\n",
                        2 * pairs, f.medianMs, f.firstMs, f.peakKiB / 1024.0, targetMs, targetRssMiB);
            status = 3;
        }
    }
    if (options.idleSeconds > 0) {
        const double cpu = idleCpu(options, port++);
        std::printf("\nidle, %ld connections, scraped every 15 s for %d s: %.2f %% of one core\n", 2 * pairs,
                    options.idleSeconds, cpu);
    }
    return status;
}
