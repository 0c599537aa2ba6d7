#!/usr/bin/env python3
"""Save-to-search latency of `samrad serve`: how long after one meeting is saved the
preview serves a search index that has the meeting's new words.

    .venv/bin/python Benchmarks/preview_search.py SITE SAMRAD_BINARY [SAVES]

Starts the preview (search on, `--lang en`) on a free port and waits for its first
"search index ready" line (the first run indexes every page). Then SAVES times (default
5) adds a paragraph with a new word to the end of the middle meeting's text (its last
section has no tags, so no other indexed page quotes it), saves it, and waits for the
next "search index ready" line: the preview prints it once the new index is being
served (ServeSearchTests checks that the new words are in it). Prints each round's
time with the load average and the preview's line (how many pages it sent to Pagefind),
and the median. The meeting is put back as it was at the end.

Environment: TIMEOUT seconds to wait for one index (default 600).
"""
import glob, os, statistics, subprocess, sys, threading, time

from preview_latency import free_port

def main():
    site, binary = sys.argv[1], sys.argv[2]
    saves = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    timeout = float(os.environ.get("TIMEOUT", "600"))
    port = free_port()
    args = [binary, "serve", "--site", site, "--port", str(port), "--lang", "en"]
    start = time.time()
    server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines, cond = [], threading.Condition()

    def read():
        for line in server.stdout:
            with cond:
                lines.append((time.time(), line.rstrip("\n")))
                cond.notify_all()
    threading.Thread(target=read, daemon=True).start()

    def wait_for(after, test):
        deadline = time.time() + timeout
        with cond:
            while True:
                for i in range(after, len(lines)):
                    if test(lines[i][1]):
                        return i
                left = deadline - time.time()
                if left <= 0 or server.poll() is not None:
                    sys.exit("gave up waiting; last lines:\n" + "\n".join(l for _, l in lines[-10:]))
                cond.wait(left)

    ready = lambda l: l.startswith("search index ready") or l.startswith("warning: no search")
    i = wait_for(0, ready)
    first = lines[i]
    print(f"first index: {first[0] - start:.1f} s after start, load {os.getloadavg()[0]:.2f}: {first[1]}")

    meetings = sorted(glob.glob(os.path.join(site, "content/meetings/*")))
    target = meetings[len(meetings) // 2]
    path = os.path.join(target, "index.md") if os.path.isdir(target) else target
    original = open(path, encoding="utf-8").read()
    times = []
    try:
        for n in range(saves):
            time.sleep(2)  # let the machine settle after the last index; not a synchronisation
            word = f"sparord{n}x{int(time.time() * 1000) % 100000}"
            with cond:
                seen = len(lines)
            load = os.getloadavg()
            saved = time.time()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original.rstrip("\n") + f"\n\nVi talade om {word} till sist.\n")
            i = wait_for(seen, ready)
            at, line = lines[i]
            times.append(at - saved)
            print(f"save {n + 1}: {at - saved:.2f} s (load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}): {line}")
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        server.terminate()
        server.wait()
    if times:
        print(f"save -> index served: median {statistics.median(times):.2f} s, min {min(times):.2f}, max {max(times):.2f} (n={len(times)})")

if __name__ == "__main__":
    main()
