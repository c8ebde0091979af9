package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.zpadoctor.report.Redactor;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.CatalogEntry;

import java.util.ArrayList;
import java.util.List;

/** Each catalog entry as the resource {@code zpa-doctor://checks/<code>}, in Markdown. */
final class CheckResources {
    static final String PREFIX = "zpa-doctor://checks/";

    private CheckResources() {
    }

    static String uri(String code) {
        return PREFIX + code;
    }

    static List<SyncResourceSpecification> of(Catalog catalog) {
        List<SyncResourceSpecification> specs = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            McpSchema.Resource r = McpSchema.Resource.builder()
                    .uri(uri(e.code()))
                    .name(e.code())
                    .title(e.code() + ": " + e.title())
                    .description(e.severity() + " " + e.category() + (e.trigger() != null ? ". Fires when: "
                            + e.trigger() : ""))
                    .mimeType("text/markdown")
                    .build();
            // written when read: fifty entries laid out and scrubbed at start would delay the server's first answer
            specs.add(new SyncResourceSpecification(r, (exchange, request) -> new McpSchema.ReadResourceResult(
                    List.of(new McpSchema.TextResourceContents(r.uri(), "text/markdown",
                            Redactor.scrub(Summaries.check(e)))))));
        }
        return specs;
    }
}
