"""The HTML reports, opened in headless Chromium as a capacity planner would open them.

`sosw simulate` runs scenarios/quickstart.yaml and scenarios/health-throttle.yaml into a temporary folder,
and `sosw sweep` (when the binary has it) a two-point sweep of quickstart; each report.html / sweep.html must
show no console error (uncaught exception, console.error, an error the browser logs, a failed or any outside
load), must not look blank, and every chart must draw marks that change its pixels (see browser_page.py).
The negative cases prove the check catches each kind of breakage: pages with a deliberate throw, a
console.error, a missing image, and copies of a real report with one chart broken in a different way.

Run: SOSW_RELEASE_BINARY=.build/release/sosw python3 Tests/python/test_reports_in_browser.py
(needs Debian's chromium-headless-shell or chromium, or $SOSW_CHROMIUM; scripts/test installs it).
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import browser_page

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SOSW_RELEASE_BINARY") or str(ROOT / ".build" / "release" / "sosw")
SCENARIOS = ("quickstart", "health-throttle")
SWEEP_SETTING = "config.task_config.labourers.hello_worker.max_simultaneous_invocations=10,20"

browser = None
workspace = None


def setUpModule():
    global browser, workspace
    executable = browser_page.find_browser()
    if executable is None:
        raise RuntimeError(f"no Chromium found (tried {', '.join(browser_page.BROWSER_NAMES)} and $SOSW_CHROMIUM); "
                           "install it with `apt-get install chromium-headless-shell`")
    if not os.access(BINARY, os.X_OK):
        raise RuntimeError(f"no sosw binary at {BINARY}; build it with `swift build -c release --product sosw` "
                           "or set SOSW_RELEASE_BINARY")
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="sosw-reports-in-browser-"))
    browser = browser_page.Browser(executable).__enter__()
    print(f"test_reports_in_browser: {browser.version} ({executable}), sosw at {BINARY}", file=sys.stderr)


def tearDownModule():
    if browser is not None:
        browser.__exit__(None, None, None)
    if workspace is not None:
        shutil.rmtree(workspace, ignore_errors=True)


def run_sosw(*arguments):
    result = subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"sosw {' '.join(arguments)} exited with {result.returncode}:\n{result.stderr}")
    return result.stdout


def simulated_report(scenario):
    """report.html of one run of scenarios/<scenario>.yaml, written into the workspace once."""
    out = workspace / "simulate" / scenario
    if not (out / "report.html").exists():
        run_sosw("simulate", str(ROOT / "scenarios" / f"{scenario}.yaml"), "--out", str(out))
    return out / "report.html"


def sweep_command_exists():
    """Whether the binary has `sosw sweep`: an unknown subcommand prints the top-level help instead."""
    result = subprocess.run([BINARY, "sweep", "--help"], capture_output=True, text=True, timeout=60)
    return result.returncode == 0 and "sosw sweep" in result.stdout


class ReportsInBrowserTests(unittest.TestCase):
    def assert_page_fine(self, path):
        inspection = browser.inspect(path)
        print(f"test_reports_in_browser: {path.parent.name}/{path.name}: {inspection.summary()}", file=sys.stderr)
        self.assertEqual(inspection.problems(), [], f"{path} in {browser.version}")
        self.assertGreater(len(inspection.charts), 0, f"{path} has no charts")
        return inspection

    def test_simulate_reports_render_every_chart_without_errors(self):
        for scenario in SCENARIOS:
            with self.subTest(scenario=scenario):
                inspection = self.assert_page_fine(simulated_report(scenario))
                # Every <svg> the file holds was found in the rendered page (and, above, drawn).
                html = simulated_report(scenario).read_text()
                self.assertEqual(len(inspection.charts), html.count("<svg "))

    def test_sweep_report_renders_every_chart_without_errors(self):
        if not sweep_command_exists():
            print(f"test_reports_in_browser: NOTICE: {BINARY} has no `sweep` command yet; sweep.html not checked",
                  file=sys.stderr)
            self.skipTest("`sosw sweep` is not in the binary yet")
        out = workspace / "sweep"
        run_sosw("sweep", str(ROOT / "scenarios" / "quickstart.yaml"), "--set", SWEEP_SETTING, "--seeds", "1",
                 "--out", str(out))
        self.assert_page_fine(out / "sweep.html")


class CheckCatchesBreakageTests(unittest.TestCase):
    """Each broken page must fail the check with the problem it has; an unbroken report passes (above)."""

    def page(self, name, html):
        path = workspace / "broken" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html)
        return browser.inspect(path)

    def broken_report(self, name, original, replacement, count=1):
        """A copy of quickstart's report with `original` replaced by `replacement` (`count` times, checked)."""
        html = simulated_report("quickstart").read_text()
        self.assertGreaterEqual(html.count(original), count, f"the report no longer contains {original!r}")
        return self.page(name, html.replace(original, replacement, count))

    def assert_problem(self, inspection, pattern):
        problems = inspection.problems()
        self.assertTrue(any(re.search(pattern, problem) for problem in problems),
                        f"expected a problem matching {pattern!r}, got {problems}")

    def test_deliberate_throw_fails(self):
        inspection = self.page("throw.html", "<!DOCTYPE html><html><body><h1>Report</h1><p>text</p>"
                               "<script>throw new Error('deliberate failure');</script></body></html>")
        self.assert_problem(inspection, r"uncaught exception .*Error: deliberate failure")

    def test_console_error_fails(self):
        inspection = self.page("console-error.html", "<!DOCTYPE html><html><body><h1>Report</h1>"
                               "<script>console.error('chart data missing');</script></body></html>")
        self.assert_problem(inspection, r"console\.error: chart data missing")

    def test_failed_resource_load_fails(self):
        inspection = self.page("missing-image.html", "<!DOCTYPE html><html><body><h1>Report</h1>"
                               "<img src=\"no-such-chart.png\" alt=\"chart\"/></body></html>")
        self.assert_problem(inspection, r"failed to load file://.*no-such-chart\.png: net::ERR_FILE_NOT_FOUND")
        self.assert_problem(inspection, r"the page requested file://.*no-such-chart\.png")

    def test_blank_page_fails(self):
        self.assert_problem(self.page("blank.html", "<!DOCTYPE html><html><body></body></html>"), r"looks blank")

    def test_chart_with_unparsable_path_fails(self):
        html = simulated_report("quickstart").read_text()
        queue_chart = re.search(r'<svg [^>]*id="labourer-0-queue".*?</svg>', html, re.S).group(0)
        broken_chart = re.sub(r'<path d="[^"]*"', '<path d="M64,NaN LNaN,NaN"', queue_chart)
        inspection = self.page("nan-path.html", html.replace(queue_chart, broken_chart))
        self.assert_problem(inspection, r"chart labourer-0-queue draws no marks")
        self.assert_problem(inspection, r"browser error .*attribute d")

    def test_chart_whose_marks_fall_outside_it_fails(self):
        inspection = self.broken_report(
            "marks-off-chart.html", 'fill="none" stroke=', 'transform="translate(5000 0)" fill="none" stroke=')
        self.assert_problem(inspection, r"chart labourer-0-queue has 1 marks but hiding them changes none of its pixels")

    def test_hidden_chart_fails(self):
        inspection = self.broken_report(
            "hidden-chart.html", 'id="labourer-0-queue" class="chart"', 'id="labourer-0-queue" class="chart" style="display: none"')
        self.assert_problem(inspection, r"chart labourer-0-queue renders at 0×0 px")

    def test_hover_script_error_fails(self):
        # The hover read-out needs each chart's guide line; without it, moving the pointer over the chart throws.
        inspection = self.broken_report("no-guide.html", '<line class="guide"', '<line class="no-guide"')
        self.assert_problem(inspection, r"uncaught exception .*TypeError")


if __name__ == "__main__":
    unittest.main(verbosity=2)
