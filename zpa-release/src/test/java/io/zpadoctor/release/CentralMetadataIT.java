package io.zpadoctor.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Maven Central requires of each published artifact, read from the poms and what the build wrote: name,
 * description, url, license, developers and scm (inherited from zpa-doctor-parent, repeated by zpa-doctor-bom, which
 * has no parent), a jar with its sources and javadoc jars for every library module, one version everywhere.
 */
class CentralMetadataIT {
    private static final XPath X = XPathFactory.newInstance().newXPath();

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Node doc, String path) throws Exception {
        return ((String) X.evaluate(path, doc, XPathConstants.STRING)).strip();
    }

    private static List<String> texts(Node doc, String path) throws Exception {
        NodeList nodes = (NodeList) X.evaluate(path, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    /** The elements Central asks for, as this pom states them. */
    private static Map<String, String> centralMetadata(Document pom) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String e : List.of("url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
                "developers/developer/email", "scm/connection", "scm/developerConnection", "scm/url")) {
            m.put(e, text(pom, "/project/" + e));
        }
        return m;
    }

    @Test
    void theParentStatesWhatCentralRequires() throws Exception {
        Document parent = pom(Release.root().resolve("pom.xml"));
        Map<String, String> meta = centralMetadata(parent);
        assertThat(meta).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
        assertThat(meta.get("licenses/license/name")).isEqualTo("Apache-2.0");
        assertThat(meta.get("licenses/license/url")).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
        assertThat(meta.get("scm/connection")).startsWith("scm:git:");
        assertThat(text(parent, "/project/version")).isEqualTo(Release.version());
        assertThat(Files.readString(Release.root().resolve("LICENSE")))
                .startsWith("\n                                 Apache License\n                           Version 2.0, January 2004");
    }

    @Test
    void everyLibraryModulePublishesAJarWithSourcesAndJavadoc() throws Exception {
        Path root = Release.root();
        Document parent = pom(root.resolve("pom.xml"));
        List<String> libraries = new ArrayList<>();
        for (String module : texts(parent, "/project/modules/module")) {
            Document pom = pom(root.resolve(module).resolve("pom.xml"));
            assertThat(text(pom, "/project/parent/version").isEmpty() ? text(pom, "/project/version")
                    : text(pom, "/project/parent/version")).as(module + "'s version").isEqualTo(Release.version());
            assertThat(text(pom, "/project/name")).as(module + " has a name").isNotBlank();
            assertThat(text(pom, "/project/description")).as(module + " has a description").isNotBlank();
            boolean published = !"true".equals(text(pom, "/project/properties/maven.deploy.skip"));
            String packaging = text(pom, "/project/packaging");
            boolean jar = packaging.isEmpty() || packaging.equals("jar") || packaging.equals("kjar");   // kjar: a jar
            if (published && jar) {
                libraries.add(module);
            }
        }
        assertThat(libraries).containsExactly("zpa-model", "zpa-client", "zpa-rules");

        String v = Release.version();
        for (String a : libraries) {
            Path target = root.resolve(a).resolve("target");
            try (JarFile sources = new JarFile(target.resolve(a + "-" + v + "-sources.jar").toFile());
                 JarFile javadoc = new JarFile(target.resolve(a + "-" + v + "-javadoc.jar").toFile());
                 JarFile classes = new JarFile(target.resolve(a + "-" + v + ".jar").toFile())) {
                assertThat(sources.stream().filter(e -> e.getName().endsWith(".java")).count()).as(a + " sources")
                        .isPositive();
                assertThat(javadoc.getEntry("index.html")).as(a + " javadoc").isNotNull();
                assertThat(classes.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(a + " module name").startsWith("io.zpadoctor.");
            }
        }

        // the BOM manages exactly the libraries, at the build's version, and repeats the parent's metadata
        Document bom = pom(root.resolve("zpa-doctor-bom/pom.xml"));
        assertThat(text(bom, "/project/parent")).as("zpa-doctor-bom has no parent").isEmpty();
        assertThat(text(bom, "/project/version")).isEqualTo(v);
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/artifactId"))
                .containsExactlyElementsOf(libraries);
        assertThat(texts(bom, "/project/dependencyManagement/dependencies/dependency/groupId")).containsOnly("io.zpadoctor");
        assertThat(centralMetadata(bom)).isEqualTo(centralMetadata(parent));
    }

    @Test
    void theChangelogAndTheReadmeNameThisVersion() throws Exception {
        String v = Release.version().replace("-SNAPSHOT", "");
        assertThat(Files.readString(Release.root().resolve("CHANGELOG.md"))).containsPattern("(?m)^## \\[?" + v.replace(".", "\\.") + "\\]?");
        String readme = Files.readString(Release.root().resolve("README.md"));
        assertThat(readme).contains("<version>" + Release.version() + "</version>")
                .doesNotContain("<version>0.1.0-SNAPSHOT</version>");
    }
}
