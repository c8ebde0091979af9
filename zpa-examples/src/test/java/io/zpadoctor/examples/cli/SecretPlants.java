package io.zpadoctor.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty secrets planted in every place an input can carry one (case.json, API names and free fields, key strings
 * with stray spaces, journal lines, process command lines, resolver and TLS output, the config file), in a copy of a
 * scenario: for the planted-secrets test and the hostile-input suite.
 */
final class SecretPlants {
    final List<String> secrets = new ArrayList<>();
    final Path bundle;
    final Path config;

    private SecretPlants(Path bundle, Path config) {
        this.bundle = bundle;
        this.config = config;
    }

    /** A new secret: letters and digits, as generated credentials are. */
    String secret() {
        String s = "Zq" + (secrets.size() + 10) + "x" + Integer.toHexString(0x5EC00 + secrets.size() * 7919) + "Pw9";
        secrets.add(s);
        return s;
    }

    static SecretPlants in(Path tmp) throws IOException {
        SecretPlants p = new SecretPlants(tmp.resolve("planted"), tmp.resolve("zpa-doctor.yaml"));
        p.plant();
        return p;
    }

    private void plant() throws IOException {
        Path scenario = Path.of("../zpa-rules/src/test/resources/scenarios/con-006-paused-for-upgrade");
        try (Stream<Path> files = Files.walk(scenario)) {
            for (Path p : files.toList()) {
                Path t = bundle.resolve(scenario.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("expected.yaml")) {
                    Files.copy(p, t);
                }
            }
        }
        Path host = bundle.resolve("hosts/ac-fra-1");
        try (Stream<Path> s = Files.list(bundle.resolve("hosts"))) {
            host = s.findFirst().orElseThrow();
        }
        // case.json: the connector name and the symptom's free words
        Files.writeString(bundle.resolve("case.json"), """
                {"connector": "dc1-acg-key-1", "collectedAt": "2026-11-20T09:30:00Z", "cloud": "prod.zpath.net",
                 "connectorGroup": "password %s", "application": "app.corp.example.com:443"}
                """.formatted(secret()));
        // API: names, free fields, key strings with spaces around the bars, secret-named fields
        replaceIn(bundle.resolve("api/connectors.json"), "\"name\": \"dc1-acg-key-2\"",
                "\"name\": \"dc1-acg-key-2\", \"description\": \"client_secret=" + secret() + "\", \"token\": \""
                        + secret() + "\", \"notes\": \"x-api-key: " + secret() + "\"");
        replaceIn(bundle.resolve("api/connectors.json"), "\"ctrlBrokerName\": \"", "\"ctrlBrokerName\": \"Bearer "
                + secret() + " ");
        replaceIn(bundle.resolve("api/provisioning-keys.json"), "\"provisioningKey\": \"", "\"apiKey\": \"" + secret()
                + "\", \"note\": \"3 | api.private.zscaler.com | " + secret() + "\", \"provisioningKey\": \"3 | api.private.zscaler.com | "
                + secret() + "\", \"_\": \"");
        // host files: journal lines (a JSON-quoted pause reason, a refused login, prose), a command line, resolver,
        // TLS subject, the key file shape and a pasted key
        Path journal = host.resolve("journal.txt");
        Files.writeString(journal, Files.readString(journal).replaceFirst("entering PAUSE mode because of - Software upgrade",
                "entering PAUSE mode because of - {\"client_secret\":\"" + secret() + "\",\"password\":\"" + secret() + "\"}")
                + "Jul 17 02:20:00 ac-fra-3 zpa-connector-child[2210]: Login request failed - http status(401) nonce(<3|api.private.zscaler.com|"
                + secret() + ">) fingerprint(<" + secret() + ">)\n"
                + "Jul 17 02:20:01 ac-fra-3 zpa-connector-child[2210]: proxy auth password " + secret() + " clientSecret "
                + secret() + " Authorization: Basic " + secret() + "\n"
                + "Jul 17 02:20:02 ac-fra-3 zpa-connector-child[2210]: Enroll: Connecting to https://admin:" + secret()
                + "@api.private.zscaler.com via co2br.prod.zpath.net.\n");
        Path ps = host.resolve("ps-cpu.txt");
        Files.writeString(ps, Files.readString(ps).stripTrailing() + "\nroot      4242 99.0  0.1  12345  6789 ?        R    Jul17   9:59 /usr/bin/agent --password="
                + secret() + " --api-key " + secret() + " token:" + secret() + "\n");
        Files.writeString(host.resolve("resolv-conf.txt"), "-rw-r--r--. 1 root root 80 Jul 14 09:02 /etc/resolv.conf\n"
                + "# secret=" + secret() + "\nsearch corp.example.com\nnameserver 10.20.0.53\n");
        Path tls = host.resolve("tls-broker.txt");
        Files.writeString(tls, Files.readString(tls).replaceFirst("subject=", "subject=CN = token=" + secret() + ", "));
        Files.writeString(host.resolve("provision-key.txt"), "644 root root 87\n  \"3 | api.private.zscaler.com | "
                + secret() + "\"\n");
        Files.writeString(host.resolve("du.txt"), "4096\t/opt/zscaler/var/" + secret() + "password=" + secret() + "\n");
        Files.writeString(config, """
                suppressions:
                  - code: ZPA-FLT-003
                    reason: "rotated; old key 3|api.private.zscaler.com|%s, password %s"
                """.formatted(secret(), secret()));
        while (secrets.size() < 50) {
            // the rest go into free fields of the API, one each
            replaceIn(bundle.resolve("api/connector-groups.json"), "\"name\": \"", "\"comment" + secrets.size()
                    + "\": \"secret: " + secret() + "\", \"name\": \"");
        }
    }

    private static void replaceIn(Path file, String what, String with) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("%s holds %s", file, what).contains(what);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(what),
                java.util.regex.Matcher.quoteReplacement(with)));
    }
}
