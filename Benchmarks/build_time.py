#!/usr/bin/env python3
"""Times a clean release build of `convbook` as a student's `scripts/install` runs it, per module.

Usage: Benchmarks/build_time.py [--serve] [--keep DIR] [--jobs N]

Clones the current commit (HEAD) into a temporary folder, resolves the packages (not timed), then
runs `swift build -c release --product convbook` there under `/usr/bin/time`, with
`-stats-output-dir` so that every compiler job writes its own times. Prints the build's wall and
CPU seconds, the load average before and after, and per Swift module its CPU seconds (user + sys of
its one whole-module compiler job) split into type checking, SIL optimisation and LLVM. Without
`--serve` the build leaves out `serve` (CONVBOOK_WITHOUT_SERVE=1), as `scripts/install` does.

On a shared machine compare CPU seconds, not wall seconds: wall time grows with the load.
"""
import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_average():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def module_rows(stats_dir):
    rows = []
    for path in glob.glob(os.path.join(stats_dir, "*.json")):
        with open(path) as f:
            stats = json.load(f)
        for key, user in stats.items():
            match = re.fullmatch(r"time\.swift-frontend\.(.+?)-all-.*\.user", key)
            if not match:
                continue
            system = stats.get(key[: -len("user")] + "sys", 0)

            def phase(name):
                return stats.get(f"time.swift.{name}.user", 0)

            rows.append((match.group(1), user + system, phase("perform-sema"),
                         phase("SIL optimization"), phase("IRGen") + phase("LLVM pipeline")))
    return sorted(rows, key=lambda row: -row[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", action="store_true", help="build `serve` too (FlyingFox)")
    parser.add_argument("--keep", help="clone into DIR (must not exist) and keep it")
    parser.add_argument("--jobs", type=int, help="swift build -j N")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="convbook-build-time-")
    clone = os.path.join(work, "clone") if not args.keep else work
    stats = os.path.join(work + ("-stats" if args.keep else "/stats"))
    os.makedirs(stats, exist_ok=True)
    try:
        subprocess.run(["git", "clone", "-q", ROOT, clone], check=True)
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True).stdout.strip()
        subprocess.run(["git", "-C", clone, "checkout", "-q", head], check=True)
        env = dict(os.environ)
        if not args.serve:
            env["CONVBOOK_WITHOUT_SERVE"] = "1"
        subprocess.run(["swift", "package", "resolve"], cwd=clone, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        command = ["swift", "build", "-c", "release", "--product", "convbook",
                   "-Xswiftc", "-stats-output-dir", "-Xswiftc", stats]
        if args.jobs:
            command += ["-j", str(args.jobs)]
        before = load_average()
        timed = subprocess.run(["/usr/bin/time", "-f", "%e %U %S", *command], cwd=clone, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if timed.returncode != 0:
            sys.exit(timed.stderr)
        wall, user, system = map(float, timed.stderr.strip().splitlines()[-1].split())
        print(f"commit {head[:12]}, serve {'in' if args.serve else 'left out'}")
        print(f"load average before: {before}; after: {load_average()}")
        print(f"clean release build: wall {wall:.1f} s, CPU {user + system:.1f} s "
              f"(user {user:.1f} + sys {system:.1f})")
        print(f"{'module':<24}{'CPU s':>8}{'sema':>8}{'SIL opt':>9}{'LLVM':>8}")
        for name, cpu, sema, sil, llvm in module_rows(stats):
            print(f"{name:<24}{cpu:8.1f}{sema:8.1f}{sil:9.1f}{llvm:8.1f}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
