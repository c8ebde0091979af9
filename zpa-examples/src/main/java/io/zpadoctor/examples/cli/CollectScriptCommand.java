package io.zpadoctor.examples.cli;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;

@Command(name = "collect-script", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Print collect-host.sh, the bash script that collects a connector VM's evidence (no Java"
                + " needed there): it runs every probe command under a timeout, never copies the provisioning key,"
                + " and packs hosts/<hostname>/ into a .tar.gz for diagnose --bundle. Run it with sudo; without"
                + " root it skips what needs root and says so. Its own --help lists its options.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  zpa-doctor collect-script > collect-host.sh",
                "  scp collect-host.sh admin@ac-fra-3:",
                "  ssh -t admin@ac-fra-3 sudo bash collect-host.sh --symptom not-enrolling",
                "  scp 'admin@ac-fra-3:/tmp/zpa-host-ac-fra-3-*.tar.gz' .",
                "  zpa-doctor diagnose --bundle zpa-host-ac-fra-3-20250718T104230Z.tar.gz"})
final class CollectScriptCommand implements Callable<Integer> {
    static final String RESOURCE = "io/zpadoctor/examples/collect-host.sh";

    @Override
    public Integer call() {
        byte[] script = script();
        // the bytes as shipped: a re-encoded or re-wrapped script would not be the one the tests ran
        System.out.write(script, 0, script.length);
        System.out.flush();
        return ExitCodes.OK;
    }

    static byte[] script() {
        try (InputStream in = CollectScriptCommand.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CliException(ExitCodes.SOFTWARE, RESOURCE + " is missing from the zpa-doctor jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CliException(ExitCodes.SOFTWARE, "cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }
}
