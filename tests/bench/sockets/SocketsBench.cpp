// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark: `halfopen-cli sockets --json` against `ss -tani` on many loopback connections;
// with --audit, `halfopen-cli audit --json` (processes mapped, options read through
// pidfd_getfd, a prediction per connection) against `ss -tnpi` (target: ours / ss <= 1.5).
//
// Opens N connections (both ends kept by holder processes it forks, so 2N sockets plus a
// listener; one process could not hold them within RLIMIT_NOFILE), then runs
// each command several times, alternating them, with stdout drained through a pipe, and prints
// the median wall time of each and their ratio (target: ours / ss <= 1.0).
//
// It runs in a network namespace of its own when it may (root), so the sockets neither slow
// down nor show up in anything else running on the machine; the commands it starts inherit it.
// Plain POSIX, no Qt: the measured programs are the only Qt in the picture.
//
//   sockets-bench --cli build/app/halfopen-cli [--connections 10000,50000] [--repeat 7]
//                 [--audit] [--holders K]

#include <arpa/inet.h>
#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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
#include <string>
#include <vector>

extern char **environ;

namespace {

struct Options
{
    std::string cli;
    std::vector<long> connections = {10000, 50000};
    int repeat = 7;
    bool ownNamespace = true;
    bool audit = false;  // time `audit --json` against `ss -tnpi`
    long minHolders = 1; // spread the connections over at least this many processes
};

struct Run
{
    double wallMs = 0;
    double cpuMs = 0; // user + system of the child
    size_t bytes = 0; // what it printed
    size_t rows = 0;  // sockets counted in the output
};

double nowMs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

[[noreturn]] void die(const char *what)
{
    std::fprintf(stderr, "sockets-bench: %s: %s\n", what, std::strerror(errno));
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
        // Half of them with keepalive, so timers vary as on a real server; some with their own
        // timers and TCP_USER_TIMEOUT, so an audit meets several different settings.
        if (i % 2)
            setsockopt(client, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
        if (i % 4 == 1) {
            const int idle = 30 + int(i % 7);
            const int userTimeout = 60000;
            setsockopt(client, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
            setsockopt(client, IPPROTO_TCP, TCP_USER_TIMEOUT, &userTimeout, sizeof userTimeout);
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
        : m_perHolder(perHolder)
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

size_t countOccurrences(const std::string &text, const char *needle)
{
    size_t count = 0;
    const size_t length = std::strlen(needle);
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + length))
        ++count;
    return count;
}

// Runs the command with stdout into a pipe that is drained as it comes, counting rows on the
// way (keeping 100 MB of JSON in memory would time our reader, not the command).
Run runOnce(const std::vector<std::string> &command, const char *rowMarker)
{
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0)
        die("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    std::vector<char *> argv;
    for (const std::string &part : command)
        argv.push_back(const_cast<char *>(part.c_str()));
    argv.push_back(nullptr);

    Run run;
    const size_t markerLength = std::strlen(rowMarker);
    std::string window; // the previous chunk's tail, so a marker split across reads counts
    const double start = nowMs();
    pid_t child = 0;
    if (posix_spawnp(&child, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        die(argv[0]);
    close(pipeFds[1]);
    static char buffer[1 << 16];
    for (;;) {
        const ssize_t got = read(pipeFds[0], buffer, sizeof buffer);
        if (got > 0) {
            run.bytes += size_t(got);
            window.append(buffer, size_t(got));
            run.rows += countOccurrences(window, rowMarker);
            window.erase(0, window.size() - std::min(window.size(), markerLength - 1));
        } else if (got == 0 || errno != EINTR) {
            break;
        }
    }
    close(pipeFds[0]);
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    run.wallMs = nowMs() - start;
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "sockets-bench: %s failed (status %d)\n", argv[0], status);
        std::exit(1);
    }
    run.cpuMs = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    return run;
}

// The command's whole output, for checking what it printed.
std::string runOutput(const std::vector<std::string> &command)
{
    std::string line;
    for (const std::string &part : command)
        line += "'" + part + "' ";
    FILE *pipe = popen(line.c_str(), "r");
    if (!pipe)
        die("popen");
    std::string output;
    char buffer[1 << 16];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        output.append(buffer, got);
    pclose(pipe);
    return output;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

Options parse(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (arg == "--cli" && value) {
            options.cli = value;
            ++i;
        } else if (arg == "--connections" && value) {
            options.connections.clear();
            for (char *part = std::strtok(argv[++i], ","); part; part = std::strtok(nullptr, ","))
                options.connections.push_back(std::atol(part));
        } else if (arg == "--repeat" && value) {
            options.repeat = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--audit") {
            options.audit = true;
        } else if (arg == "--holders" && value) {
            options.minHolders = std::max(1L, std::atol(argv[++i]));
        } else if (arg == "--host-namespace") {
            options.ownNamespace = false;
        } else {
            std::fprintf(
                stderr,
                "usage: %s --cli PATH [--connections N,N...] [--repeat R] [--host-namespace] [--audit] [--holders K]\n",
                argv[0]);
            std::exit(2);
        }
    }
    if (options.cli.empty() || access(options.cli.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "sockets-bench: --cli must name the built halfopen-cli\n");
        std::exit(2);
    }
    std::sort(options.connections.begin(), options.connections.end());
    return options;
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    const bool isolated = options.ownNamespace && enterOwnNamespace();
    std::printf("sockets-bench: %s network namespace, %d runs each, median wall time (cpu = user+sys of the child)\n",
                isolated ? "own" : "host", options.repeat);

    const std::vector<std::string> ours = options.audit ? std::vector<std::string>{options.cli, "audit", "--json"}
                                                        : std::vector<std::string>{options.cli, "sockets", "--json"};
    const std::vector<std::string> ss = {"ss", options.audit ? "-tnpi" : "-tani"};
    const std::vector<std::string> ssBare = {"ss", "-tan"}; // for reference: no tcp_info at all
    const double target = options.audit ? 1.5 : 1.0;
    const char *oursName = options.audit ? "halfopen-cli audit --json  " : "halfopen-cli sockets --json";
    const char *ssName = options.audit ? "ss -tnpi                   " : "ss -tani                   ";
    // An audit reports connections (no listener); the listing counts every socket.
    const long extraRows = options.audit ? 0 : 1;
    long perHolder = connectionsPerHolder();
    if (options.minHolders > 1 && !options.connections.empty())
        perHolder = std::min(perHolder, (options.connections.front() + options.minHolders - 1) / options.minHolders);
    Connections connections(perHolder);
    int worst = 0;
    for (long n : options.connections) {
        const double openStart = nowMs();
        connections.growTo(n);
        std::printf("\n%ld connections (%ld sockets) opened in %.0f ms by %zu holder processes\n", n, 2 * n + 1,
                    nowMs() - openStart, connections.holders());

        std::vector<double> oursWall, oursCpu, ssWall, ssCpu, bareWall, bareCpu;
        Run lastOurs, lastSs, lastBare;
        runOnce(ours, "\"local\""); // warm the page cache and the kernel's tables once
        for (int r = 0; r < options.repeat; ++r) {
            lastOurs = runOnce(ours, "\"local\"");
            lastSs = runOnce(ss, "\n\t"); // ss -i puts each socket's tcp_info on a tab-indented line
            oursWall.push_back(lastOurs.wallMs);
            oursCpu.push_back(lastOurs.cpuMs);
            ssWall.push_back(lastSs.wallMs);
            ssCpu.push_back(lastSs.cpuMs);
            lastBare = runOnce(ssBare, "\n");
            bareWall.push_back(lastBare.wallMs);
            bareCpu.push_back(lastBare.cpuMs);
        }
        const double ratio = median(oursWall) / median(ssWall);
        std::printf("  %s  %8.1f ms  (cpu %7.1f ms)  %6zu rows  %6.1f MiB\n", oursName, median(oursWall),
                    median(oursCpu), lastOurs.rows, lastOurs.bytes / 1048576.0);
        std::printf("  %s  %8.1f ms  (cpu %7.1f ms)  %6zu rows  %6.1f MiB\n", ssName, median(ssWall), median(ssCpu),
                    lastSs.rows, lastSs.bytes / 1048576.0);
        std::printf("  ss -tan (no tcp_info)        %8.1f ms  (cpu %7.1f ms)  %6zu rows  %6.1f MiB\n", median(bareWall),
                    median(bareCpu), lastBare.rows - 1, lastBare.bytes / 1048576.0);
        std::printf("  ratio ours / %s     %8.2f  (target <= %.1f: %s)\n", ss[1].c_str(), ratio, target,
                    ratio <= target ? "met" : "MISSED");
        if (lastOurs.rows < size_t(2 * n + extraRows)) {
            std::printf("  ERROR: halfopen-cli printed %zu rows, expected at least %ld\n", lastOurs.rows,
                        2 * n + extraRows);
            worst = 1;
        }
        if (options.audit && lastOurs.rows > 0) {
            // Every connection must have been mapped to its holder and had its options read.
            const std::string probe = runOutput(ours);
            const size_t read = countOccurrences(probe, "\"options_source\":\"socket\"");
            std::printf("  options read from the socket: %zu of %zu connections\n", read, lastOurs.rows);
            if (read < size_t(2 * n)) {
                std::printf("  ERROR: options were not read from every socket (run as root)\n");
                worst = 1;
            }
        }
        if (ratio > target && worst == 0)
            worst = 3;
    }
    return worst;
}
