package io.zpadoctor.examples.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Start a rule pack: a rule, its catalog entry, and a scenario where it fires and one where it"
                + " does not, which lint clean and test green as they are. The rule is the README's walkthrough"
                + " (connectors named after another group); change it to your own.",
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor rules new acme-pack",
                "  zpa-doctor rules new ./packs/naming --prefix ACME",
                "  zpa-doctor rules lint acme-pack && zpa-doctor rules test acme-pack"})
final class NewPackCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "The pack's folder; created, and must not exist or be empty.")
    Path folder;

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "Your codes' prefix, e.g. ACME for ACME-NAM-001"
            + " (default: from NAME).")
    String prefix;

    @Override
    public Integer call() {
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        String p = prefix != null ? prefix.strip().toUpperCase(Locale.ROOT) : prefixOf(name);
        if (!p.matches("[A-Z][A-Z0-9]{1,9}") || p.equals("ZPA")) {
            throw new CliException(ExitCodes.USAGE, "--prefix must be 2-10 capital letters or digits, starting with a"
                    + " letter, and not ZPA (the built-in rules'), not '" + p + "'");
        }
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            throw new CliException(ExitCodes.USAGE, folder + " already exists; rules new starts a pack in a new folder");
        }
        Map<String, String> files = files(p, "packs." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "")
                .replaceFirst("^(\\d|$)", "p$1"));
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path to = folder.resolve(f.getKey());
                Files.createDirectories(to.getParent());
                Files.writeString(to, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + folder + ": " + e.getMessage());
        }
        System.out.println("Created rule pack " + folder + " (code " + p + "-NAM-001):");
        files.keySet().forEach(f -> System.out.println("  " + f));
        System.out.println("Next: zpa-doctor rules lint " + folder + "; zpa-doctor rules test " + folder
                + "; then make the rule your own (README: Writing a rule pack).");
        return ExitCodes.OK;
    }

    /** ACME from acme-pack: the name's first word in capitals, or MYCO when it has none to give. */
    static String prefixOf(String name) {
        String first = name.split("[^A-Za-z0-9]+", -1)[0].toUpperCase(Locale.ROOT);
        String p = first.length() > 10 ? first.substring(0, 10) : first;
        return p.matches("[A-Z][A-Z0-9]{1,9}") && !p.equals("ZPA") ? p : "MYCO";
    }

    private static boolean isEmptyFolder(Path p) {
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The pack's files by path: the README walkthrough's rule under the given prefix and package. */
    static Map<String, String> files(String prefix, String pkg) {
        String code = prefix + "-NAM-001";
        Map<String, String> f = new LinkedHashMap<>();
        f.put("rules/naming.drl", """
                package %s;

                import io.zpadoctor.model.tenant.AppConnector;
                import io.zpadoctor.model.tenant.ConnectorGroup;
                import io.zpadoctor.rules.Findings;

                // Connectors are named <group>-<n>; one that is not sits in the group of the key it was enrolled with.
                rule "Connector named after another group"
                when
                    $g : ConnectorGroup( $gid : id, $group : name != null )
                    $c : AppConnector( groupId == $gid, name != null, !name.startsWith($group + "-") )
                then
                    insertLogical( Findings.about("%s", $c)
                            .evidence($c.source(), "name", $c.name())
                            .evidence($g.source(), "name of its group", $group)
                            .param("groupName", $group)
                            .build() );
                end
                """.formatted(pkg, code));
        f.put("catalog.yaml", """
                codes:
                  %s:
                    severity: WARNING          # CRITICAL, WARNING, INFO
                    category: CUSTOM           # ENROLLMENT, NETWORK, CONNECTOR, UPGRADE, RESOURCES, APPLICATION, HEALTH, FLEET, CUSTOM
                    role: cause                # cause: may be the report's primary finding; symptom: never is
                    title: Connector sits in a group it is not named after
                    trigger: A connector's name does not start with its group's name and a dash.
                    requires: [api:connectors, api:connector-groups]
                    rootCause: >-
                      Connector {{connectorName}} is in group {{groupName}}, but its name says it belongs elsewhere.
                      It was most likely enrolled with another group's provisioning key.
                    remediation:
                      - kind: HOST             # HOST (a command on the VM), API (a call), PORTAL (a click)
                        text: Re-enroll the VM with a key of the group its name belongs to.
                      - kind: API
                        text: Then delete the old record.
                        command: DELETE {{apiBase}}/connector/{{connectorId}}
                    verification: GET {{apiBase}}/connector/{{connectorId}} answers 404.
                """.formatted(code));
        String groups = """
                [{"id": "72058304855089990", "name": "dc1", "enabled": true},
                 {"id": "72058304855089991", "name": "dc2", "enabled": true}]
                """;
        String caseJson = "{\"collectedAt\": \"2026-11-20T09:30:00Z\"}\n";
        f.put("scenarios/misnamed/case.json", caseJson);
        f.put("scenarios/misnamed/api/connector-groups.json", groups);
        f.put("scenarios/misnamed/api/connectors.json", """
                [{"id": "72058304855090011", "name": "dc1-1", "enabled": true, "appConnectorGroupId": "72058304855089990",
                  "controlChannelStatus": "ZPN_STATUS_AUTHENTICATED"},
                 {"id": "72058304855090012", "name": "dc2-4", "enabled": true, "appConnectorGroupId": "72058304855089990",
                  "controlChannelStatus": "ZPN_STATUS_AUTHENTICATED"}]
                """);
        f.put("scenarios/misnamed/expected.yaml", """
                description: dc2-4 sits in group dc1; dc1-1 is where its name says.
                primary: %1$s          # the report's root cause; ~ when nothing at WARNING or above may be found
                fires: [%1$s]          # must all fire
                exactly: true                  # and nothing else may (built-in codes included)
                """.formatted(code));
        f.put("scenarios/well-named/case.json", caseJson);
        f.put("scenarios/well-named/api/connector-groups.json", groups);
        f.put("scenarios/well-named/api/connectors.json", """
                [{"id": "72058304855090011", "name": "dc1-1", "enabled": true, "appConnectorGroupId": "72058304855089990",
                  "controlChannelStatus": "ZPN_STATUS_AUTHENTICATED"},
                 {"id": "72058304855090021", "name": "dc2-1", "enabled": true, "appConnectorGroupId": "72058304855089991",
                  "controlChannelStatus": "ZPN_STATUS_AUTHENTICATED"}]
                """);
        f.put("scenarios/well-named/expected.yaml", """
                description: Every connector is in the group it is named after.
                must-not-fire: [%s]
                """.formatted(code));
        return f;
    }
}
