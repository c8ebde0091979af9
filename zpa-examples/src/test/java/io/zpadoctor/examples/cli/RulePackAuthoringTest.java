package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** rules new scaffolds a pack that lints and tests green; rules test writes JUnit XML for CI (issue 19). */
class RulePackAuthoringTest {
    @TempDir
    Path tmp;

    @Test
    void aNewPackLintsCleanTestsGreenAndRuns() throws Exception {
        Path pack = tmp.resolve("acme-pack");
        Cli made = Cli.run("rules", "new", pack.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("code ACME-NAM-001", "rules/naming.drl", "scenarios/misnamed/expected.yaml",
                "scenarios/well-named/expected.yaml");
        Cli lint = Cli.run("rules", "lint", pack.toString());
        assertThat(lint.code()).as(lint.out()).isZero();
        assertThat(lint.out()).endsWith(": 0 error(s), 0 warning(s)" + System.lineSeparator());
        Cli test = Cli.run("rules", "test", pack.toString());
        assertThat(test.code()).as(test.out()).isZero();
        assertThat(test.out()).contains("PASS  misnamed", "fired: Connector named after another group",
                "PASS  well-named", "rule coverage: 1 of 1", "2 passed, 0 failed");
        Cli run = Cli.run("diagnose", "--bundle", pack.resolve("scenarios/misnamed").toString(), "--rules",
                pack.toString(), "--format", "text");
        assertThat(run.out()).contains("ACME-NAM-001", "Connector dc2-4 is in group dc1");

        assertThat(Cli.run("rules", "new", pack.toString()).code()).as("never over a pack").isEqualTo(64);
        Cli zpa = Cli.run("rules", "new", tmp.resolve("zpa-own").toString(), "--prefix", "zpa");
        assertThat(zpa.code()).isEqualTo(64);
        assertThat(zpa.err()).contains("not ZPA");
        Cli own = Cli.run("rules", "new", tmp.resolve("7-packs").toString(), "--prefix", "OPS7");
        assertThat(own.out()).contains("OPS7-NAM-001");
        assertThat(Cli.run("rules", "test", tmp.resolve("7-packs").toString()).code()).isZero();
    }

    @Test
    void rulesTestWritesJUnitXmlWithCountsAndFailures() throws Exception {
        Path pack = tmp.resolve("acme-pack");
        Cli.run("rules", "new", pack.toString());
        Path xml = tmp.resolve("rules-test.xml");
        Cli green = Cli.run("rules", "test", pack.toString(), "-o", xml.toString());
        assertThat(green.code()).isZero();
        assertThat(green.out()).isEmpty();
        Element suite = parse(Files.readString(xml));
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(xml))).isEqualTo("rw-r--r--");

        // one expectation wrong, one scenario unreadable: a failure and an error, named
        Files.writeString(pack.resolve("scenarios/well-named/expected.yaml"), "fires: [ACME-NAM-001]\n");
        Files.createDirectories(pack.resolve("scenarios/broken/api"));
        Files.writeString(pack.resolve("scenarios/broken/expected.yaml"), "must-not-fire: [ACME-NAM-001]\n");
        Files.writeString(pack.resolve("scenarios/broken/api/connectors.json"), "[{\"id\": 1,}]");
        Cli red = Cli.run("rules", "test", pack.toString(), "--format", "junit");
        assertThat(red.code()).isEqualTo(1);
        suite = parse(red.out());
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        Element broken = (Element) cases.item(0);
        assertThat(broken.getAttribute("name")).isEqualTo("broken");
        assertThat(((Element) broken.getElementsByTagName("error").item(0)).getAttribute("message"))
                .contains("api/connectors.json:1:");
        Element wellNamed = (Element) cases.item(2);
        assertThat(wellNamed.getAttribute("name")).isEqualTo("well-named");
        assertThat(((Element) wellNamed.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("ACME-NAM-001");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();

        Cli html = Cli.run("rules", "test", pack.toString(), "-o", tmp.resolve("r.html").toString());
        assertThat(html.code()).isEqualTo(64);
        assertThat(html.err()).contains("rules test writes text (.txt) or junit (.xml)");
        assertThat(Cli.run("rules", "test", pack.toString(), "--format", "tap").code()).isEqualTo(64);
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return d.getDocumentElement();
    }
}
