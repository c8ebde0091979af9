package io.zpadoctor.model.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningKeyTest {
    static final String SECRET = "QmFzZTY0RXhhbXBsZUtleU1hdGVyaWFs-72058304855015424";

    @Test
    void keepsOnlyThePublicPrefixOfTheKeyString() {
        ProvisioningKey k = ProvisioningKey.builder("58856").name("dc1-acg-key")
                .keyPrefixFrom("3|api.private.zscaler.com|" + SECRET).maxUsage(10).usageCount(10).build();
        assertThat(k.publicPrefix()).isEqualTo("3|api.private.zscaler.com|");
        assertThat(k.toString()).doesNotContain(SECRET);
        assertThat(k.isExhausted()).isTrue();
        assertThat(k.remaining()).isZero();
    }

    @Test
    void aKeyWithoutCountsIsNeverExhausted() {
        ProvisioningKey k = ProvisioningKey.builder("1").maxUsage(null).usageCount(3).build();
        assertThat(k.isExhausted()).isFalse();
        assertThat(k.remaining()).isNull();
    }

    @Test
    void ignoresKeyStringsOfAnotherShape() {
        ProvisioningKey k = ProvisioningKey.builder("1").keyPrefixFrom("not-a-key").build();
        assertThat(k.publicPrefix()).isNull();
    }

    @Test
    void refusesNegativeCountsAndMissingIds() {
        assertThatThrownBy(() -> ProvisioningKey.builder("1").usageCount(-1).build()).hasMessageContaining("negative");
        assertThatThrownBy(() -> ProvisioningKey.builder(" ").build()).hasMessageContaining("non-blank id");
    }
}
