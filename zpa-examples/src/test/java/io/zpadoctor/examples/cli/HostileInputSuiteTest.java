package io.zpadoctor.examples.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input suite: every kind of hostile input at CI sizes on each build; at the sizes of the report with
 * {@code mvn -q verify -Phostile -pl zpa-examples -am}. Both print the table.
 */
class HostileInputSuiteTest {
    @TempDir
    Path work;

    @Test
    void everyKindOfHostileInputIsHandledAtRegressionSizes() throws Exception {
        runAndCheck(HostileInputSuite.Scale.REGRESSION);
    }

    @Test
    @Tag("hostile")
    void everyHostileInputIsHandledAtTheSizesOfTheReport() throws Exception {
        runAndCheck(HostileInputSuite.Scale.FULL);
    }

    private void runAndCheck(HostileInputSuite.Scale scale) throws Exception {
        HostileInputSuite suite = new HostileInputSuite(scale, work);
        // -Dhostile.only=pages,secrets runs those rows alone (while working on one kind)
        java.util.Set<String> only = java.util.Set.of(System.getProperty("hostile.only", "").split(","));
        if (only.contains("") || only.contains("bombs")) {
            suite.runBombs();
        }
        if (only.contains("") || only.contains("encodings")) {
            suite.runEncodings();
        }
        if (only.contains("") || only.contains("secrets")) {
            suite.runSecrets();
        }
        if (only.contains("") || only.contains("pages")) {
            suite.runPages();
        }
        if (only.contains("") || only.contains("packs")) {
            suite.runPacks();
        }
        String table = suite.table();
        System.out.println(table);
        for (HostileInputSuite.Row r : suite.rows()) {
            assertThat(r.tried()).as("%s tried nothing", r.what()).isPositive();
            assertThat(r.failures()).as(table).isEmpty();
        }
    }
}
