"""Opens an HTML file in headless Chromium and says what a person opening it would have seen go wrong.

The browser is driven over the DevTools protocol through `--remote-debugging-pipe` (JSON messages separated
by NUL bytes on file descriptors 3 and 4), so nothing beyond the standard library and Debian's Chromium is
needed. `Browser.inspect(path)` loads the page, waits until it has rendered, moves the pointer over every
chart (the hover script runs), and returns a `PageInspection`:

* every console error: uncaught exceptions, `console.error`/`console.assert`, errors the browser itself logs
  (a failed resource load, an SVG attribute it cannot parse), failed loads, and any request beyond the page
  itself (the reports must load nothing);
* per chart (every outermost `<svg>`): its rendered size, how many marks it draws (a visible path, polyline,
  polygon, rect, circle or ellipse with a non-zero box inside the chart, not counting a rect that covers the
  whole chart as its background), and whether those marks change the chart's pixels (a screenshot of the
  chart with its marks hidden must differ from one with them shown);
* the share of the page's screenshot that is not the background colour.

`PageInspection.problems()` turns that into sentences; an empty list means the page is fine.
"""

import base64
import collections
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import tempfile
import time
import zlib

BROWSER_NAMES = ("chromium-headless-shell", "chromium", "google-chrome")
VIEWPORT = {"width": 1280, "height": 900}
# A page whose screenshot is nearly all one colour shows nothing: at least this share must differ from it.
MINIMUM_INK = 0.01
TIMEOUT_SECONDS = 30

# Runs in the page: the outermost <svg> elements, their rendered boxes and their drawn marks. Marks get a
# data attribute so `MARKS_VISIBLE` can hide exactly them.
CHARTS_SCRIPT = """
(() => {
  const shapes = 'path, polyline, polygon, rect, circle, ellipse';
  const charts = [...document.querySelectorAll('svg')].filter(svg => !svg.parentElement.closest('svg'));
  return charts.map((svg, index) => {
    const box = svg.getBoundingClientRect();
    const viewBox = svg.viewBox.baseVal;
    const area = viewBox && viewBox.width > 0 ? viewBox : {x: 0, y: 0, width: box.width, height: box.height};
    let marks = 0, shapesSeen = 0;
    for (const shape of svg.querySelectorAll(shapes)) {
      shapesSeen += 1;
      const style = getComputedStyle(shape);
      if (style.display === 'none' || style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      if (style.fill === 'none' && style.stroke === 'none') continue;
      let shapeBox;
      try { shapeBox = shape.getBBox(); } catch (error) { continue; }
      if (!(shapeBox.width > 0 || shapeBox.height > 0)) continue;
      const inside = shapeBox.x < area.x + area.width && shapeBox.x + shapeBox.width > area.x
        && shapeBox.y < area.y + area.height && shapeBox.y + shapeBox.height > area.y;
      if (!inside) continue;
      const isBackground = shape.tagName === 'rect' && shapeBox.x <= area.x && shapeBox.y <= area.y
        && shapeBox.width >= area.width && shapeBox.height >= area.height;
      if (isBackground) continue;
      shape.setAttribute('data-browser-check-mark', String(index));
      marks += 1;
    }
    return {
      index: index,
      name: svg.id || (svg.querySelector('title') || {}).textContent || 'svg #' + (index + 1),
      shapes: shapesSeen,
      marks: marks,
      width: box.width,
      height: box.height,
      x: box.left + window.scrollX,
      y: box.top + window.scrollY,
    };
  });
})()
"""

MARKS_VISIBLE = """
((index, visible) => {
  document.querySelectorAll('[data-browser-check-mark="' + index + '"]').forEach(shape => {
    shape.style.visibility = visible ? '' : 'hidden';
  });
})(%d, %s)
"""

TWO_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


class BrowserError(Exception):
    """The browser could not be started or stopped answering; not a finding about the page."""


def find_browser():
    """The Chromium to use: $SOSW_CHROMIUM, else the first of `BROWSER_NAMES` on PATH; None when there is none."""
    configured = os.environ.get("SOSW_CHROMIUM")
    if configured:
        return configured
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium for many pages; use it as a context manager so the process always ends."""

    def __init__(self, executable):
        self.executable = executable
        self.profile = tempfile.mkdtemp(prefix="sosw-browser-")
        self.log_path = pathlib.Path(self.profile) / "chromium.log"
        self.next_id = 0
        self.buffer = b""
        self.events = collections.defaultdict(list)
        self.process = None

    def __enter__(self):
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()

        def wire_pipes():
            # The browser reads commands from fd 3 and writes answers to fd 4. Both ends move above 9 first,
            # so placing one cannot overwrite the other.
            commands, answers = (fcntl.fcntl(end, fcntl.F_DUPFD, 10) for end in (to_browser_read, from_browser_write))
            os.dup2(commands, 3)
            os.dup2(answers, 4)

        command = [
            self.executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe",
            f"--user-data-dir={self.profile}", f"--window-size={VIEWPORT['width']},{VIEWPORT['height']}",
            "about:blank",
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=log, preexec_fn=wire_pipes,
                pass_fds=(3, 4))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.commands = to_browser_write
        self.answers = from_browser_read
        try:
            self.call("Browser.getVersion")
        except BrowserError:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exception):
        if self.process and self.process.poll() is None:
            try:
                self.send("Browser.close")
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        for descriptor in ("commands", "answers"):
            if hasattr(self, descriptor):
                try:
                    os.close(getattr(self, descriptor))
                except OSError:
                    pass
        shutil.rmtree(self.profile, ignore_errors=True)
        return False

    @property
    def version(self):
        return self.call("Browser.getVersion")["product"]

    # MARK: The protocol

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.commands, json.dumps(message).encode() + b"\0")
        return self.next_id

    def receive(self, deadline):
        """The next message from the browser; BrowserError when none comes before `deadline`."""
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.answers], [], [], remaining)[0]:
                raise BrowserError(f"no answer from the browser within {TIMEOUT_SECONDS} s; see {self.log_path}")
            chunk = os.read(self.answers, 1 << 20)
            if not chunk:
                raise BrowserError(f"the browser exited (code {self.process.poll()}):\n{self.log_tail()}")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=None):
        """Sends a command and returns its result; events that arrive meanwhile are kept per session."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            message = self.receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method} failed: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events[message.get("sessionId")].append(message)

    def wait_for_event(self, session, method):
        deadline = time.monotonic() + TIMEOUT_SECONDS
        seen = 0
        while True:
            for message in self.events[session][seen:]:
                if message["method"] == method:
                    return message
            seen = len(self.events[session])
            message = self.receive(deadline)
            if "method" in message:
                self.events[message.get("sessionId")].append(message)

    def log_tail(self):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no browser log)"

    # MARK: Pages

    def inspect(self, path):
        """Loads the file at `path` in a fresh tab and returns what it showed (see the module's doc)."""
        url = pathlib.Path(path).resolve().as_uri()
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        try:
            for domain in ("Runtime", "Log", "Page", "Network"):
                self.call(f"{domain}.enable", session=session)
            self.call("Emulation.setDeviceMetricsOverride",
                      dict(VIEWPORT, deviceScaleFactor=1, mobile=False), session=session)
            navigation = self.call("Page.navigate", {"url": url}, session=session)
            if navigation.get("errorText"):
                raise BrowserError(f"could not open {url}: {navigation['errorText']}")
            self.wait_for_event(session, "Page.loadEventFired")
            self.evaluate(session, TWO_FRAMES)
            charts = self.evaluate(session, CHARTS_SCRIPT)
            self.hover_over(session, charts)
            for chart in charts:
                chart["painted"] = self.marks_paint(session, chart)
            ink = ink_share(self.page_screenshot(session))
            # Events of one session arrive in order: once this answers, every error raised so far is in.
            self.evaluate(session, TWO_FRAMES)
            return PageInspection(url, page_errors(url, self.events[session]), charts, ink)
        finally:
            self.call("Target.closeTarget", {"targetId": target})
            self.events.pop(session, None)

    def evaluate(self, session, expression):
        result = self.call("Runtime.evaluate", {
            "expression": expression, "returnByValue": True, "awaitPromise": True}, session=session)
        if "exceptionDetails" in result:
            raise BrowserError(f"the check's own script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def hover_over(self, session, charts):
        """Moves the pointer across every chart and off it again, so hover handlers run (and may throw)."""
        for chart in charts:
            if not (chart["width"] > 0 and chart["height"] > 0):
                continue
            self.evaluate(session, f"window.scrollTo(0, {max(chart['y'] - 100, 0)})")
            top = chart["y"] - self.evaluate(session, "window.scrollY")
            for fraction in (0.25, 0.5, 0.75):
                self.call("Input.dispatchMouseEvent", {
                    "type": "mouseMoved", "x": chart["x"] + fraction * chart["width"],
                    "y": top + chart["height"] / 2}, session=session)
        self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 0, "y": 0}, session=session)
        self.evaluate(session, "window.scrollTo(0, 0)")
        self.evaluate(session, TWO_FRAMES)

    def marks_paint(self, session, chart):
        """Whether hiding the chart's marks changes its pixels; False when it has no marks or no size."""
        if chart["marks"] == 0 or not (chart["width"] > 0 and chart["height"] > 0):
            return False
        clip = {"x": chart["x"], "y": chart["y"], "width": chart["width"], "height": chart["height"], "scale": 1}
        shown = self.screenshot(session, clip)
        self.evaluate(session, MARKS_VISIBLE % (chart["index"], "false"))
        hidden = self.screenshot(session, clip)
        self.evaluate(session, MARKS_VISIBLE % (chart["index"], "true"))
        # The encoder is deterministic: equal pixels give equal bytes.
        return shown != hidden

    def page_screenshot(self, session):
        """The whole page, scaled to about 320 px wide (enough to tell a blank page, quick to decode)."""
        size = self.call("Page.getLayoutMetrics", session=session)["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 320 / size["width"]}
        return self.screenshot(session, clip)

    def screenshot(self, session, clip=None):
        params = {"format": "png", "captureBeyondViewport": clip is not None}
        if clip:
            params["clip"] = clip
        return base64.b64decode(self.call("Page.captureScreenshot", params, session=session)["data"])


def page_errors(url, events):
    """Every console error among the tab's events, as sentences with where they came from."""
    errors = []
    requested = {}
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "")
            errors.append(f"uncaught exception at line {details.get('lineNumber', 0) + 1}: {text}")
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            text = " ".join(str(argument.get("value", argument.get("description", ""))) for argument in params["args"])
            errors.append(f"console.{params['type']}: {text}")
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            entry = params["entry"]
            errors.append(f"browser error ({entry['source']}): {entry['text']} {entry.get('url', '')}".rstrip())
        elif method == "Network.requestWillBeSent":
            request_url = params["request"]["url"]
            requested[params["requestId"]] = request_url
            if request_url != url and not request_url.startswith("data:"):
                errors.append(f"the page requested {request_url}; it must load nothing beyond itself")
        elif method == "Network.loadingFailed":
            errors.append(f"failed to load {requested.get(params['requestId'], '?')}: {params['errorText']}")
    return errors


class PageInspection:
    def __init__(self, url, errors, charts, ink):
        self.url = url
        self.errors = errors
        self.charts = charts
        self.ink = ink

    @property
    def drawn_charts(self):
        return [chart for chart in self.charts if chart["painted"]]

    def problems(self):
        problems = list(self.errors)
        if self.ink < MINIMUM_INK:
            problems.append(f"the page looks blank: {self.ink:.2%} of its screenshot differs from the background")
        for chart in self.charts:
            where = f"chart {chart['name']}"
            if not (chart["width"] > 0 and chart["height"] > 0):
                problems.append(f"{where} renders at {chart['width']}×{chart['height']} px")
            elif chart["marks"] == 0:
                problems.append(f"{where} draws no marks ({chart['shapes']} shapes, none visible with a size inside it)")
            elif not chart["painted"]:
                problems.append(f"{where} has {chart['marks']} marks but hiding them changes none of its pixels")
        return problems

    def summary(self):
        return (f"{len(self.drawn_charts)} of {len(self.charts)} charts drawn, {len(self.errors)} console errors, "
                f"{self.ink:.1%} of the screenshot inked")


# MARK: PNG

def decode_png(data):
    """Width, height and the raw 8-bit pixels (rows without filter bytes) of a non-interlaced PNG, as
    Chromium writes its screenshots (8-bit RGB or RGBA)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, compressed = 8, b""
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
            depth, colour, interlace = body[8], body[9], body[12]
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            compressed += body
        position += 12 + length
    raw = zlib.decompress(compressed)
    stride = width * channels
    pixels = bytearray(height * stride)
    previous = bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                up_left = previous[i - channels] if i >= channels else 0
                up = previous[i]
                estimate = left + up - up_left
                distance_left, distance_up, distance_up_left = abs(estimate - left), abs(estimate - up), abs(estimate - up_left)
                if distance_left <= distance_up and distance_left <= distance_up_left:
                    predictor = left
                elif distance_up <= distance_up_left:
                    predictor = up
                else:
                    predictor = up_left
                line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            raise ValueError(f"unknown PNG row filter {kind}")
        pixels[row * stride:(row + 1) * stride] = line
        previous = line
    return width, height, bytes(pixels), channels


def ink_share(png):
    """The share of the image's pixels that differ from its most common colour (the background)."""
    width, height, pixels, channels = decode_png(png)
    colours = collections.Counter(pixels[i:i + channels] for i in range(0, len(pixels), channels))
    background = colours.most_common(1)[0][1]
    return 1 - background / (width * height)
