package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.Diagnoser;

import java.util.List;

/** The server's features, the same over either transport: six tools, one resource per check, one prompt. */
final class DoctorServer {
    static final String INSTRUCTIONS = "ZPA Doctor diagnoses Zscaler Private Access App Connector problems"
            + " deterministically, with Drools rules over the tenant's API objects and the connector VM's command"
            + " output, and returns the root cause with its evidence and the numbered fix. Start with diagnose (a"
            + " support bundle path, or api: true for the live tenant) or the troubleshoot-connector prompt; fleet for"
            + " the whole tenant; explain for why a code did not fire; collect_script when host evidence is missing;"
            + " plan_fix for the dry run of an API fix. Every tool is read-only: nothing is changed on the tenant or"
            + " a host.";

    private DoctorServer() {
    }

    static McpSyncServer build(McpServer.SyncSpecification<?> spec, DoctorTools tools, Catalog catalog) {
        return spec.serverInfo("zpa-doctor", Diagnoser.version())
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                // arguments reach the command line's own converters, so a bad value gets the command line's message
                .validateToolInputs(false)
                .tools(tools.specifications())
                .resources(CheckResources.of(catalog))
                .prompts(List.of(TroubleshootPrompt.spec()))
                .build();
    }
}
