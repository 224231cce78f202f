#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stretches a short lab recording to a long one of the same traffic shape, for memory checks.

    stretch-recording.py IN.jsonl OUT.jsonl [--events N] [--from S] [--to S]

Keeps IN's lines before --from (seconds after its first event: the run's set-up), then repeats
the lines from --from to --to, shifted in time, until OUT holds about N events, then IN's lines
after --to (the run's end). Only "t_us" changes; every other byte of a line is kept.

The memory measurement of tests/bench/README.md:
    halfopen-cli lab run hour90.json --record /tmp/hour90.jsonl   (/work/hour.json, timeout_s 90)
    stretch-recording.py /tmp/hour90.jsonl /work/hour-rate.jsonl --events 680000
    window-replay-bench --repeat 1 --recording /work/hour-rate.jsonl
"""
import argparse
import re

T_US = re.compile(rb'"t_us":(\d+)')


def time_of(line):
    m = T_US.search(line)
    return int(m.group(1)) if m else None


def shifted(line, by):
    return T_US.sub(lambda m: b'"t_us":%d' % (int(m.group(1)) + by), line, count=1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('input')
    parser.add_argument('output')
    parser.add_argument('--events', type=int, default=680000)
    parser.add_argument('--from', dest='start', type=float, default=10)
    parser.add_argument('--to', dest='end', type=float, default=70)
    args = parser.parse_args()

    with open(args.input, 'rb') as f:
        lines = f.read().splitlines(keepends=True)
    header = [l for l in lines if b'"format"' in l and b'"recording"' in l]
    events = [l for l in lines if l not in header and time_of(l) is not None and b'"recording":"end"' not in l]
    first = time_of(events[0])
    start, end = first + int(args.start * 1e6), first + int(args.end * 1e6)
    setup = [l for l in events if time_of(l) < start]
    steady = [l for l in events if start <= time_of(l) < end]
    tail = [l for l in events if time_of(l) >= end]
    period = end - start
    repeats = max(1, (args.events - len(setup) - len(tail)) // len(steady))
    shift = period * (repeats - 1)
    with open(args.output, 'wb') as out:
        out.writelines(header)
        out.writelines(setup)
        for k in range(repeats):
            out.writelines(shifted(l, k * period) for l in steady)
        out.writelines(shifted(l, shift) for l in tail)
        last = time_of(tail[-1]) + shift if tail else time_of(steady[-1]) + shift
        out.write(b'{"recording":"end","t_us":%d}\n' % last)
    total = len(setup) + repeats * len(steady) + len(tail)
    print(f'{args.output}: {total} events over {(start - first + repeats * period) / 60e6:.1f} min')


if __name__ == '__main__':
    main()
