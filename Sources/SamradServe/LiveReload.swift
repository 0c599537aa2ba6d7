import Hummingbird
import SamradCore

/// The preview's live reload: a small same-origin script (the site's CSP allows only
/// `script-src 'self'`) and a Server-Sent Events stream at `/_samrad/events`.
///
/// Every page carries the version of the snapshot it came from. On connecting, the
/// stream says `hello` with the current version; the script reloads when they differ
/// (a rebuild happened while it was away, or the server was restarted). A rebuild sends
/// `reload`. `retry:` makes EventSource reconnect quickly after a restart.
public enum LiveReload {
    public static let scriptPath = "/_samrad/livereload.js"
    public static let eventsPath = "/_samrad/events"
    /// Milliseconds EventSource waits before reconnecting.
    public static let retryMilliseconds = 500

    public static let script = #"""
    // samrad preview: shows the rebuilt page in this tab. Not part of the built site.
    // The new page is fetched and its body swapped in, which is much faster than a
    // navigation and keeps the scroll position; pages with scripts of their own (search,
    // filters) and any failure fall back to a full reload.
    (function () {
      "use strict";
      if (!window.EventSource) return;
      var me = document.currentScript;
      var version = me ? me.getAttribute("data-samrad-version") : null;
      var source = new EventSource("/_samrad/events");
      var busy = false;
      function fullReload() { source.close(); window.location.reload(); }
      function ownScripts(doc) {
        return Array.prototype.some.call(doc.querySelectorAll("script[src]"), function (s) {
          return s.getAttribute("src").indexOf("/_samrad/") !== 0;
        });
      }
      function refreshStyles(tag) {
        Array.prototype.forEach.call(document.querySelectorAll('link[rel="stylesheet"]'), function (old) {
          var fresh = old.cloneNode();
          fresh.href = old.href.split("?")[0] + "?samrad=" + encodeURIComponent(tag);
          fresh.addEventListener("load", function () { old.remove(); });
          old.after(fresh);
        });
      }
      function update(tag) {
        if (busy) return;
        if (ownScripts(document)) return fullReload();
        busy = true;
        fetch(window.location.href, { cache: "no-store" }).then(function (response) {
          return response.text();
        }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          if (!doc.body || ownScripts(doc)) return fullReload();
          var x = window.scrollX, y = window.scrollY;
          document.title = doc.title;
          document.body.replaceWith(document.importNode(doc.body, true));
          window.scrollTo(x, y);
          refreshStyles(tag);
          version = tag;
          busy = false;
        }).catch(fullReload);
      }
      source.addEventListener("hello", function (event) {
        if (version && event.data !== version) update(event.data); else version = event.data;
      });
      source.addEventListener("reload", function (event) {
        if (event.data !== version) update(event.data);
      });
      window.addEventListener("pagehide", function () { source.close(); });
    })();

    """#

    static func tag(version: String) -> String {
        #"<script src="\#(scriptPath)" data-samrad-version="\#(version.htmlEscaped)" defer></script>"#
    }

    /// Puts the script tag before the last `</body>` (or at the end when there is none).
    static func inject(into html: ByteBuffer, version: String) -> ByteBuffer {
        let bytes = html.readableBytesView
        let tagBytes = Array(tag(version: version).utf8)
        let needle = Array("</body".utf8)
        var insertAt = bytes.endIndex
        if bytes.count >= needle.count {
            var i = bytes.endIndex - needle.count
            search: while i >= bytes.startIndex {
                var matched = true
                for k in 0..<needle.count {
                    var b = bytes[i + k]
                    if b >= 0x41 && b <= 0x5A { b += 0x20 }
                    if b != needle[k] { matched = false; break }
                }
                if matched { insertAt = i; break search }
                i -= 1
            }
        }
        var out = ByteBuffer()
        out.reserveCapacity(bytes.count + tagBytes.count + 1)
        out.writeBytes(bytes[bytes.startIndex..<insertAt])
        out.writeBytes(tagBytes)
        if insertAt == bytes.endIndex { out.writeString("\n") }
        out.writeBytes(bytes[insertAt..<bytes.endIndex])
        return out
    }

    /// One SSE message.
    static func message(event: String, data: String) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("event: \(event)\n")
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            buffer.writeString("data: \(line)\n")
        }
        buffer.writeString("\n")
        return buffer
    }

    static func hello(version: String) -> ByteBuffer {
        var buffer = ByteBuffer(string: "retry: \(retryMilliseconds)\n\n")
        var message = message(event: "hello", data: version)
        buffer.writeBuffer(&message)
        return buffer
    }

    static let ping = ByteBuffer(string: ": ping\n\n")
}

/// The open live-reload streams. A slow client keeps at most a few messages queued;
/// `close()` ends every stream (graceful shutdown) and refuses new ones.
final class LiveReloadHub: Sendable {
    private struct State {
        var subscribers: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state = Locked(State())
    let maximumSubscribers: Int

    init(maximumSubscribers: Int = 512) {
        self.maximumSubscribers = maximumSubscribers
    }

    var count: Int { state.withLock { $0.subscribers.count } }

    /// nil when closed or full.
    func subscribe() -> (id: Int, stream: AsyncStream<ByteBuffer>)? {
        let (stream, continuation) = AsyncStream.makeStream(of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(8))
        let id: Int? = state.withLock { state in
            guard !state.closed, state.subscribers.count < maximumSubscribers else { return nil }
            state.nextID += 1
            state.subscribers[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return nil
        }
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    func broadcast(_ buffer: ByteBuffer) {
        let all = state.withLock { Array($0.subscribers.values) }
        for continuation in all { continuation.yield(buffer) }
    }

    func close() {
        let all = state.withLock { state -> [AsyncStream<ByteBuffer>.Continuation] in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }
}
