package io.zpadoctor.examples.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.zpadoctor.examples.cli.CommandCalls;
import io.zpadoctor.examples.cli.ZpaDoctor;
import io.zpadoctor.rules.Catalog;
import io.zpadoctor.rules.DoctorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

@Command(name = "mcp", mixinStandardHelpOptions = true, versionProvider = ZpaDoctor.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Serve ZPA Doctor to AI assistants as a Model Context Protocol server: over standard input and"
                + " output (what Claude Desktop, Claude Code and most clients start), or with --http over the"
                + " streamable HTTP transport on a loopback address.",
                "Tools: diagnose, fleet, explain, checks, collect_script, plan_fix (all read-only; plan_fix is a"
                        + " dry run). Resources: zpa-doctor://checks/<code>. Prompt: troubleshoot-connector.",
                "Live-tenant calls read the same environment variables as --api (see zpa-doctor diagnose --help)."},
        footerHeading = "%nExamples:%n",
        footer = {"  zpa-doctor mcp",
                "  claude mcp add zpa-doctor -- /path/to/zpa-doctor mcp",
                "  zpa-doctor mcp --http 127.0.0.1:8765          # then http://127.0.0.1:8765/mcp",
                "  zpa-doctor mcp --rules ./acme-pack --config ./zpa-doctor.yaml",
                "",
                "Standard output carries the protocol only; logs and progress go to standard error.",
                "Exit codes: 0 the client closed the connection, 64 usage error, 65 a rule pack or config",
                "cannot be read, 69 the HTTP address cannot be served."})
public final class McpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "Serve the streamable HTTP transport at http://HOST:PORT/mcp instead of standard input and"
                    + " output. HOST must be a loopback address (127.0.0.1, ::1 or localhost).")
    String http;

    @Option(names = "--rules", paramLabel = "PATH", description = "A rule pack to run beside the built-in rules in"
            + " every diagnosis; repeatable. A pack is code: only packs named here are loaded.")
    List<Path> packs = new ArrayList<>();

    @Option(names = "--trust-pack", description = "Run packs whose compiled rules reach files, the network or"
            + " processes (see zpa-doctor rules lint).")
    boolean trustPacks;

    @Option(names = "--budget", paramLabel = "SECONDS", description = "How long a pack's rules may run in one"
            + " diagnosis (default: 5).")
    Double budget;

    @Option(names = "--config", paramLabel = "FILE", description = "Thresholds and suppressions (default:"
            + " ./zpa-doctor.yaml in the folder the client starts the server in, when it exists).")
    Path config;

    @Option(names = "--no-config", description = "Ignore ./zpa-doctor.yaml.")
    boolean noConfig;

    @Override
    public Integer call() throws Exception {
        List<String> packOptions = new ArrayList<>();
        packs.forEach(p -> packOptions.add("--rules=" + p));
        List<String> engine = new ArrayList<>(packOptions);
        if (trustPacks) {
            engine.add("--trust-pack");
        }
        if (budget != null) {
            engine.add("--budget=" + budget);
        }
        if (config != null) {
            engine.add("--config=" + config);
        }
        if (noConfig) {
            engine.add("--no-config");
        }
        InetAddress address = null;
        int port = 0;
        if (http != null) {
            int colon = http.lastIndexOf(':');
            String host = colon > 0 ? http.substring(0, colon).replaceAll("^\\[|]$", "") : "";
            try {
                port = Integer.parseInt(http.substring(colon + 1));
                address = InetAddress.getByName(host);
            } catch (NumberFormatException | UnknownHostException e) {
                throw new ParameterException(spec.commandLine(), "--http must be HOST:PORT, e.g. 127.0.0.1:8765,"
                        + " not '" + http + "'");
            }
            if (host.isEmpty() || !address.isLoopbackAddress()) {
                throw new ParameterException(spec.commandLine(), "--http serves loopback only (127.0.0.1, ::1 or"
                        + " localhost), not '" + host + "': the tools read local files and the tenant's API");
            }
            if (port < 1 || port > 65_535) {
                throw new ParameterException(spec.commandLine(), "--http port must be 1 to 65535, not " + port);
            }
        }
        // the catalog (and any pack) and the tools' schemas load on the second core while this one loads the SDK
        java.util.concurrent.CompletableFuture<Object> loaded = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> catalogOrFailure(packOptions));
        java.util.concurrent.CompletableFuture<Schemas> schemasLoaded = loaded.thenApply(x -> Schemas.load());
        McpJsonMapper json = McpJsonDefaults.getMapper();
        McpJsonDefaults.getSchemaValidator();   // the server checks structured results with it: ready before it is built
        Object c = loaded.join();
        Schemas schemas = schemasLoaded.join();
        if (c instanceof CommandCalls.Failure f) {
            // a broken pack or config file stops the server at once, not at the assistant's first call
            System.err.println(f.getMessage());
            return f.exitCode();
        }
        Catalog catalog = (Catalog) c;
        DoctorTools tools = new DoctorTools(schemas, engine, packOptions);
        if (packs.isEmpty()) {
            // the rules load while the client initializes and lists, not before the server can answer it
            io.zpadoctor.rules.Diagnoser.preload();
        }
        return http == null ? stdio(json, tools, catalog) : http(json, tools, catalog, address, port);
    }

    /** The catalog with the packs', after reading the config file: or the failure the command line would report. */
    private Object catalogOrFailure(List<String> packOptions) {
        try {
            Catalog catalog = CommandCalls.catalog(packOptions);
            if (config != null || (!noConfig && Files.isRegularFile(Path.of("zpa-doctor.yaml")))) {
                DoctorConfig.read(config != null ? config : Path.of("zpa-doctor.yaml"));
            }
            return catalog;
        } catch (CommandCalls.Failure f) {
            return f;
        } catch (DoctorConfig.ConfigException e) {
            return new CommandCalls.Failure(65, "zpa-doctor: " + e.getMessage());
        }
    }

    /** Until the client closes standard input. */
    private static int stdio(McpJsonMapper json, DoctorTools tools, Catalog catalog) throws InterruptedException {
        PrintStream protocol = System.out;   // the redaction pass's stream, which ZpaDoctor.run put there
        System.setOut(System.err);           // whatever else prints, prints to standard error: stdout is protocol only
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                return eof(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return eof(super.read(b, off, len));
            }

            private int eof(int n) {
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
        McpSyncServer server = DoctorServer.build(McpServer.sync(new StdioServerTransportProvider(json, in, protocol)),
                tools, catalog);
        try {
            closed.await();
        } finally {
            server.closeGracefully();
            System.setOut(protocol);
        }
        return 0;
    }

    /** Until the process is stopped. */
    private static int http(McpJsonMapper json, DoctorTools tools, Catalog catalog, InetAddress address, int port)
            throws Exception {
        AtomicInteger bound = new AtomicInteger(port);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json)
                .mcpEndpoint(LoopbackHttp.ENDPOINT)
                .securityValidator(LoopbackHttp.validator(bound::get))
                .build();
        McpSyncServer server = DoctorServer.build(McpServer.sync(transport), tools, catalog);
        LoopbackHttp web;
        try {
            web = LoopbackHttp.start(address, port, transport);
        } catch (org.apache.catalina.LifecycleException e) {
            server.close();
            System.err.println("zpa-doctor: cannot serve " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage());
            return 69;
        }
        bound.set(web.port());
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
        System.err.println("zpa-doctor mcp: streamable HTTP on http://" + host + ":" + web.port()
                + LoopbackHttp.ENDPOINT);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.closeGracefully();
            try {
                web.close();
            } catch (Exception e) {
                // the process is ending anyway
            }
        }, "zpa-doctor-mcp-stop"));
        web.await();
        return 0;
    }
}
