package io.zpadoctor.examples.cli;

/**
 * The request {@code zpa-doctor fix CODE --api} would send for a finding, never sent.
 *
 * @param found whether the tenant shows the finding at all; when not, only {@code text} is set
 * @param subject the object the finding is about, as reports name it
 * @param url the full request URL
 * @param text the dry run exactly as the command line prints it (the body with key strings and secrets withheld)
 */
public record FixDryRun(String code, boolean found, String title, String subject, String method, String url,
        String text) {
}
