package io.zpadoctor.client.host;

import io.zpadoctor.model.host.KeyFileShape;
import io.zpadoctor.model.host.ProbeProblem;
import io.zpadoctor.model.host.QuoteStyle;
import org.junit.jupiter.api.Test;

import static io.zpadoctor.client.host.Fixtures.file;
import static io.zpadoctor.client.host.Fixtures.malformed;
import static io.zpadoctor.client.host.Fixtures.notApplicable;
import static io.zpadoctor.client.host.Fixtures.one;
import static io.zpadoctor.client.host.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

class ProvisionKeyParserTest {
    static final String SECRET = "hN3vQ8sKfake0key0material0for0tests0only0Zx7Lw2Pq9Rt5Yu1Io3Mn6Bv8Cx";
    final ProvisionKeyParser parser = new ProvisionKeyParser();

    static HostFile key(String fixture) {
        return file("provision-key.txt", "provision-key", fixture);
    }

    @Test
    void readsStatAndTheShapeLine() {
        KeyFileShape k = one(parser, key("provision-key-stat-and-shape-ok.txt"), KeyFileShape.class);
        assertThat(k.exists()).isTrue();
        assertThat(k.mode()).isEqualTo("644");
        assertThat(k.owner()).isEqualTo("root");
        assertThat(k.sizeBytes()).isEqualTo(87);
        assertThat(k.readableByZscaler()).isTrue();
        assertThat(k.length()).isEqualTo(86);
        assertThat(k.empty()).isFalse();
        assertThat(k.keyPrefix()).isEqualTo("3|api.private.zscaler.com|");
        assertThat(k.keyHost()).isEqualTo("api.private.zscaler.com");
        assertThat(k.hasPrefix()).isTrue();
        assertThat(k.quotes()).isEqualTo(QuoteStyle.NONE);
        assertThat(k.leadingWhitespace()).isFalse();
        assertThat(k.trailingWhitespace()).isFalse();
        assertThat(k.lines()).isEqualTo(1);
        assertThat(k.shapeSource()).isEqualTo("collector");
        assertThat(k.malformed()).isFalse();
        assertThat(k.line()).isEqualTo(2);
    }

    @Test
    void rootOnlyModeIsUnreadableByZscaler() {
        KeyFileShape k = one(parser, key("provision-key-root-0600.txt"), KeyFileShape.class);
        assertThat(k.readableByZscaler()).isFalse();
    }

    @Test
    void smartQuotesAndStrayWhitespaceMakeTheKeyMalformed() {
        KeyFileShape k = one(parser, key("provision-key-smart-quotes-trailing-space.txt"), KeyFileShape.class);
        assertThat(k.quotes()).isEqualTo(QuoteStyle.SMART);
        assertThat(k.trailingWhitespace()).isTrue();
        assertThat(k.malformed()).isTrue();
    }

    @Test
    void anEmptyFileIsEmpty() {
        KeyFileShape k = one(parser, key("provision-key-empty.txt"), KeyFileShape.class);
        assertThat(k.empty()).isTrue();
        assertThat(k.hasPrefix()).isFalse();
        assertThat(k.keyPrefix()).isNull();
        assertThat(k.malformed()).isTrue();
    }

    @Test
    void aMissingFileDoesNotExist() {
        KeyFileShape k = one(parser, key("provision-key-missing-rhel9.txt"), KeyFileShape.class);
        assertThat(k.exists()).isFalse();
        assertThat(k.mode()).isNull();
        assertThat(k.readableByZscaler()).isNull();
        assertThat(k.line()).isEqualTo(2);
    }

    @Test
    void readsLsL() {
        KeyFileShape k = one(parser, key("provision-key-ls-l.txt"), KeyFileShape.class);
        assertThat(k.mode()).isEqualTo("644");
        assertThat(k.sizeBytes()).isEqualTo(87);
        assertThat(k.readableByZscaler()).isTrue();
        assertThat(k.quotes()).isEqualTo(QuoteStyle.UNKNOWN);
        assertThat(k.hasPrefix()).isNull();
    }

    @Test
    void aPastedKeyIsMeasuredAndNeverKept() {
        HostFile f = key("provision-key-cat-pasted-smart-quoted-key.txt");
        assertThat(f.text()).contains(SECRET);
        ParseResult r = parser.parse(f);
        KeyFileShape k = r.factsOf(KeyFileShape.class).get(0);
        assertThat(k.shapeSource()).isEqualTo("pasted key");
        assertThat(k.quotes()).isEqualTo(QuoteStyle.SMART);
        assertThat(k.keyPrefix()).isEqualTo("3|api.private.zscaler.com|");
        assertThat(k.trailingWhitespace()).isNull();
        assertThat(r.toString()).doesNotContain(SECRET).doesNotContain("hN3vQ8");
    }

    @Test
    void problemsNeverQuoteTheSecret() {
        ProbeProblem p = malformed(parser, text("provision-key.txt", "644 root root 87\n3|api.private.zscaler.com is what I think " + SECRET + "\n"));
        assertThat(p.toString()).doesNotContain("hN3vQ8").contains("not repeated");
    }

    @Test
    void emptyOrAnotherCommandIsNotApplicableAndAnUnknownShapeValueMalformed() {
        notApplicable(parser, text("provision-key.txt", ""));
        assertThat(notApplicable(parser, file("provision-key.txt", "free", "free-m-rhel9.txt")).detail()).contains("free");
        ProbeProblem p = malformed(parser, key("provision-key-shape-bad-quotes-value.txt"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.detail()).contains("quotes");
        assertThat(malformed(parser, text("provision-key.txt", "the key looks fine to me\n")).line()).isEqualTo(1);
    }
}
