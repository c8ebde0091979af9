package io.zpadoctor.client.host;

import io.zpadoctor.model.host.VarDirectory;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class OptZscalerVarParserTest {
    final OptZscalerVarParser parser = new OptZscalerVarParser();

    static HostFile var(String fixture) {
        return file("opt-zscaler-var.txt", "opt-zscaler-var", fixture);
    }

    @Test
    void listsTheFilesOfAnEnrolledConnector() {
        VarDirectory d = one(parser, var("ls-la-enrolled-healthy.txt"), VarDirectory.class);
        assertThat(d.exists()).isTrue();
        assertThat(d.entries()).containsExactly("binary_snapshots", "config_snapshots", "image.bin", "instance_id.crypt",
                "metadata", "updater.version", "version");
        assertThat(d.imageBin()).isTrue();
        assertThat(d.instanceIdCrypt()).isTrue();
        assertThat(d.version()).isTrue();
        assertThat(d.metadata()).isTrue();
        assertThat(d.provisionKey()).isFalse();
        assertThat(d.configSnapshots()).isTrue();
        assertThat(d.imageBinSizeBytes()).isEqualTo(73231744L);
        assertThat(d.directoryOwner()).isEqualTo("zscaler");
        assertThat(d.directoryMode()).isEqualTo("drwxr-xr-x.");
        assertThat(d.line()).isEqualTo(2);
    }

    @Test
    void aFreshDirectoryHoldsOnlyTheKey() {
        VarDirectory d = one(parser, var("ls-la-fresh-only-key.txt"), VarDirectory.class);
        assertThat(d.entries()).containsExactly("provision_key");
        assertThat(d.imageBin()).isFalse();
        assertThat(d.imageBinSizeBytes()).isNull();
        assertThat(d.directoryOwner()).isEqualTo("root");
    }

    @Test
    void aMissingDirectoryDoesNotExist() {
        VarDirectory d = one(parser, var("ls-la-missing-directory.txt"), VarDirectory.class);
        assertThat(d.exists()).isFalse();
        assertThat(d.entries()).isEmpty();
    }

    @Test
    void readsAPlainListing() {
        VarDirectory d = one(parser, var("ls-plain-names.txt"), VarDirectory.class);
        assertThat(d.imageBin()).isTrue();
        assertThat(d.entries()).hasSize(6);
        assertThat(d.imageBinSizeBytes()).isNull();
    }

    @Test
    void permissionDeniedEmptyOrAnotherCommandIsNotApplicable() {
        assertThat(notApplicable(parser, var("ls-la-permission-denied.txt")).detail()).contains("sudo");
        notApplicable(parser, text("opt-zscaler-var.txt", ""));
        assertThat(notApplicable(parser, file("opt-zscaler-var.txt", "df", "df-k-ubuntu.txt")).detail()).contains("df");
    }

    @Test
    void aGarbledLineIsMalformedAtItsLine() {
        String cut = var("ls-la-enrolled-healthy.txt").text() + "-rw-r--r--. 1 zscaler\n";
        assertThat(malformed(parser, text("opt-zscaler-var.txt", cut)).line()).isEqualTo(12);
    }
}
