package io.zpadoctor.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML pages in a real browser: headless Chromium loads the fleet page of generated tenants and the demo's
 * report, with a sentinel script that records any script error or console error into the DOM it then dumps; the
 * charts and the grid must hold the tenant's counts, and a screenshot of each page goes to target/html-report.
 */
class HtmlReportBrowserTest {
    private static final Path SHOTS = Path.of("target/html-report");
    /** Prepended to a copy of the page: what went wrong while it loaded, and when loading ended, as attributes. */
    private static final String SENTINEL = "<script>(function(){var errs=[];"
            + "addEventListener('error',function(e){errs.push(String(e.message||e.type));},true);"
            + "var ce=console.error;console.error=function(){errs.push([].join.call(arguments,' '));ce.apply(console,arguments);};"
            + "addEventListener('load',function(){var b=document.body;b.setAttribute('data-js-errors',String(errs.length));"
            + "b.setAttribute('data-js-error-text',errs.join(' | '));"
            + "b.setAttribute('data-load-ms',String(Math.round(performance.now())));});})();</script>";
    private static String chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void findChromium() {
        for (String c : List.of("chromium", "chromium-browser", "google-chrome")) {
            if (runs(c, "--version")) {
                chromium = c;
                break;
            }
        }
        Assumptions.assumeTrue(chromium != null, "no headless Chromium on the PATH (chromium, chromium-browser or"
                + " google-chrome): install Debian's chromium package (.ci/run does when it runs as root)");
    }

    @Test
    void theFleetPageOfAGenerated2000ConnectorTenantLoadsCleanWithItsCounts() throws Exception {
        Path bundle = tmp.resolve("tenant");
        assertThat(Cli.run("generate", "--connectors", "2000", "--seed", "9", "--out", bundle.toString()).code()).isZero();
        Path html = tmp.resolve("fleet.html");
        assertThat(Cli.run("fleet", "--bundle", bundle.toString(), "--format", "html", "-o", html.toString(),
                "--fail-on", "never").code()).isZero();
        JsonNode json = new ObjectMapper().readTree(Cli.run("fleet", "--bundle", bundle.toString(), "--format", "json").out());
        String page = Files.readString(html);
        selfContained(page);

        String dom = load(html, "fleet-2000.png", 4000);
        int connectors = json.at("/fleet/connectors/total").asInt();
        assertThat(chartTotal(dom, "status")).isEqualTo(connectors);
        assertThat(barSum(dom, "status")).isEqualTo(connectors);
        assertThat(barSum(dom, "version")).isEqualTo(connectors);
        int groups = json.at("/fleet/groups").asInt();
        assertThat(dom).contains("data-groups=\"" + groups + "\"");
        assertThat(count(dom, "class=\"cell tone-")).isEqualTo(groups);
        int unreachable = json.at("/fleet/impact/applicationsUnreachable").size();
        assertThat(unreachable).isPositive();
        assertThat(dom).contains("data-figure=\"Applications unreachable\" data-count=\"" + unreachable + "\"");
        assertThat(sum(dom, "<tr data-count=\"(\\d+)\"")).as("unreachable rows").isEqualTo(unreachable);
        assertThat(sum(dom, "<details class=\"code [^\"]*\" data-code=\"[^\"]+\" data-count=\"(\\d+)\""))
                .as("findings rolled up by code").isEqualTo(json.get("findings").size());
        // each problem once, the findings it explains beneath it, as many as the JSON and the text report's header say
        int problems = json.at("/fleet/problems").size();
        assertThat(problems).isPositive();
        String text = Cli.run("fleet", "--bundle", bundle.toString(), "--format", "text").out();
        assertThat(text).contains("problems: " + problems + " problem");
        assertThat(dom).contains("data-section=\"problems\" data-count=\"" + problems + "\"");
        assertThat(count(dom, "<div class=\"problem tone-")).isEqualTo(problems);
        int explained = 0;
        for (JsonNode p : json.at("/fleet/problems")) {
            explained += p.get("explains").size();
        }
        assertThat(sum(dom, "<div class=\"problem [^\"]*\" data-code=\"[^\"]+\" data-explains=\"(\\d+)\""))
                .as("findings explained beneath their problems").isEqualTo(explained).isPositive();
    }

    @Test
    void theDemoReportLoadsCleanWithItsNumberedFix() throws Exception {
        Path html = tmp.resolve("demo.html");
        assertThat(Cli.run("demo", "--format", "html", "-o", html.toString()).code()).isZero();
        selfContained(Files.readString(html));
        String dom = load(html, "demo.png", 2000);
        assertThat(dom).contains("Provisioning key has no enrollments left", "<ol class=\"fix\">", "class=\"evidence\"");
    }

    @Test
    void aTenThousandConnectorPageIsUnderTwoMegabytesAndLoadsUnderTwoSeconds() throws Exception {
        Path bundle = tmp.resolve("tenant-10k");
        assertThat(Cli.run("generate", "--connectors", "10000", "--seed", "4", "--out", bundle.toString()).code()).isZero();
        Path html = tmp.resolve("fleet-10k.html");
        Cli.run("fleet", "--bundle", bundle.toString(), "--format", "html", "-o", html.toString());
        assertThat(Files.size(html)).isLessThan(2_000_000);
        String dom = load(html, "fleet-10000.png", 3000);
        Matcher ms = Pattern.compile("data-load-ms=\"(\\d+)\"").matcher(dom);
        assertThat(ms.find()).isTrue();
        assertThat(Integer.parseInt(ms.group(1))).as("ms from navigation to the load event").isLessThan(2_000);
    }

    /** No URL, font, script or stylesheet fetched from anywhere: it opens from a USB stick. */
    private static void selfContained(String page) {
        assertThat(page).doesNotContainPattern("(?i)<(link|img|iframe|object|embed|base)\\b")
                .doesNotContainPattern("(?i)\\b(src|href|xlink:href|action)\\s*=")
                .doesNotContainPattern("(?i)url\\(|@import|@font-face");
    }

    /** Loads a copy of the page with the sentinel, asserts nothing went wrong, writes a screenshot; returns the DOM. */
    private String load(Path html, String shot, int height) throws Exception {
        Path probe = tmp.resolve("probe-" + html.getFileName());
        Files.writeString(probe, Files.readString(html).replaceFirst("<head>", "<head>" + SENTINEL));
        Run dump = chromium(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", probe.toUri().toString()));
        assertThat(dump.out()).contains("data-js-errors=\"0\"");
        assertThat(dump.err()).as("console of %s", html.getFileName()).doesNotContain("Uncaught")
                .doesNotContainPattern(":CONSOLE\\(\\d+\\)\\][^\\n]*(?i)error");
        Files.createDirectories(SHOTS);
        Path png = SHOTS.resolve(shot).toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(List.of("--hide-scrollbars", "--window-size=1280," + height, "--screenshot=" + png,
                html.toUri().toString()));
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        return dump.out();
    }

    record Run(String out, String err) {
    }

    private Run chromium(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(args);
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + cmd);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int chartTotal(String dom, String chart) {
        Matcher m = Pattern.compile("data-chart=\"" + chart + "\" data-total=\"(\\d+)\"").matcher(dom);
        assertThat(m.find()).as("chart %s in the DOM", chart).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int barSum(String dom, String chart) {
        int start = dom.indexOf("data-chart=\"" + chart + "\"");
        int end = dom.indexOf("</svg>", start);
        return sum(dom.substring(start, end), "data-value=\"(\\d+)\"");
    }

    private static int sum(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n += Integer.parseInt(m.group(1));
        }
        return n;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
