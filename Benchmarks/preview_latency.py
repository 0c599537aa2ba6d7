#!/usr/bin/env python3
"""Save-to-screen latency of `samrad serve` on one meeting of a (synthetic) site.

    .venv/bin/python Benchmarks/preview_latency.py SITE SAMRAD_BINARY [SAVES]

Starts the preview on a free port, opens the middle meeting in headless Chromium, then
rewrites that meeting's file SAVES times (default 12) with a new word in its title. For
each save it records when the server's live-reload event arrived (an SSE client in this
process) and when the new word appeared in the page (a MutationObserver in the tab, on
the same clock). Prints median / min / max of both.

Environment: SEARCH=1 keeps Pagefind on (it indexes in the background between saves),
SPACING seconds between saves (default 0.6; 3 lets Pagefind start), BROWSER=0 skips
Chromium, SAMRAD_TIMINGS=1 also prints the server's stage times, POLL=1 (or POLL=MS)
watches by polling (`--poll`, `--poll=MS`) instead of inotify.
"""
import glob, os, re, socket, statistics, subprocess, sys, threading, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def main():
    site, binary = sys.argv[1], sys.argv[2]
    saves = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    browser = os.environ.get("BROWSER", "1") == "1"
    spacing = float(os.environ.get("SPACING", "0.6"))
    port = free_port()
    # --lang en: the lines read below ("serving", "rebuilt") are the English ones.
    args = [binary, "serve", "--site", site, "--port", str(port), "--lang", "en"]
    if os.environ.get("SEARCH") != "1":
        args.append("--no-search")
    poll = os.environ.get("POLL")
    if poll:
        args.append("--poll" if poll == "1" else f"--poll={poll}")
    server = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    for line in server.stdout:
        if "serving" in line:
            break
    log = []
    threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()

    meetings = sorted(glob.glob(os.path.join(site, "content/meetings/*")))
    target = meetings[len(meetings) // 2]
    path = os.path.join(target, "index.md") if os.path.isdir(target) else target
    slug = os.path.basename(target).removesuffix(".md")
    original = open(path, encoding="utf-8").read()

    events = []
    def listen():
        for raw in urllib.request.urlopen(base + "/_samrad/events"):
            if raw.startswith(b"event: reload"):
                events.append(time.time())
    threading.Thread(target=listen, daemon=True).start()
    time.sleep(0.5)

    driver = None
    if browser:
        from selenium import webdriver
        options = webdriver.ChromeOptions()
        options.add_argument("--headless=new")
        options.add_argument("--no-sandbox")
        driver = webdriver.Chrome(options=options)
        driver.get(f"{base}/moten/{slug}/")
        time.sleep(1)

    to_event, to_screen = [], []
    try:
        for i in range(saves):
            word = f"Mätpunkt{i}x{int(time.time() * 1000) % 100000}"
            text = re.sub(r'^(title: "?)', r"\g<1>" + word + " ", original, count=1, flags=re.M)
            if driver:
                driver.execute_script("""
                    window.__seen = null; const word = arguments[0];
                    new MutationObserver(() => {
                      if (!window.__seen && document.body && document.body.textContent.includes(word)) window.__seen = Date.now();
                    }).observe(document.documentElement, {subtree: true, childList: true, characterData: true});""", word)
            before = len(events)
            start = time.time()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            while len(events) == before and time.time() - start < 10:
                time.sleep(0.001)
            if len(events) > before:
                to_event.append((events[before] - start) * 1000)
            if driver:
                while time.time() - start < 10:
                    seen = driver.execute_script("return window.__seen")
                    if seen:
                        to_screen.append(seen - start * 1000)
                        break
                    time.sleep(0.005)
            time.sleep(spacing)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        if driver:
            driver.quit()
        server.terminate()
        server.wait()

    def show(name, xs):
        if xs:
            print(f"{name}: median {statistics.median(xs):.0f} ms, min {min(xs):.0f}, max {max(xs):.0f} (n={len(xs)})")
    watching = "inotify" if not poll else ("polling every 250 ms" if poll == "1" else f"polling every {poll} ms")
    print(f"preview latency, {len(meetings)} meetings, search {'on' if os.environ.get('SEARCH') == '1' else 'off'}, {watching}")
    show("save -> reload event at the client", to_event)
    show("save -> new text on screen (Chromium)", to_screen)
    if os.environ.get("SAMRAD_TIMINGS"):
        print("".join(l for l in log if l.startswith("timing") or "rebuilt" in l))

if __name__ == "__main__":
    main()
