package io.zpadoctor.fakeapi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs a fake tenant on loopback until interrupted, and prints the environment that points zpa-doctor at it:
 * <pre>
 * java -cp zpa-fake-api/target/classes:$JACKSON io.zpadoctor.fakeapi.FakeZpaMain --connectors 10000
 * </pre>
 * Options: {@code --port N}, {@code --connectors N} (a generated tenant), {@code --bundle DIR} (serve a bundle's
 * api/*.json instead), {@code --legacy}, {@code --rate-limit GETS/SECONDS} (default 20/10; 0/1 switches it off).
 */
public final class FakeZpaMain {
    private FakeZpaMain() {
    }

    public static void main(String[] args) throws Exception {
        FakeZpa.Builder b = FakeZpa.builder();
        int connectors = 40;
        Path bundle = null;
        boolean legacy = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(args[++i]));
                case "--connectors" -> connectors = Integer.parseInt(args[++i]);
                case "--bundle" -> bundle = Path.of(args[++i]);
                case "--legacy" -> legacy = true;
                case "--rate-limit" -> {
                    String[] p = args[++i].replace("s", "").split("/");
                    int gets = Integer.parseInt(p[0]);
                    b.rateLimit(gets, Math.max(1, gets / 2), Duration.ofSeconds(Long.parseLong(p[1])));
                }
                default -> {
                    System.err.println("unknown option " + a + "; see the class comment");
                    System.exit(64);
                }
            }
        }
        b.mode(legacy ? FakeZpa.Mode.LEGACY : FakeZpa.Mode.ONEAPI);
        b.tenant(bundle != null ? FakeTenant.fromBundle(bundle) : FakeTenant.generate(connectors, 1));
        FakeZpa fake = b.start();
        String prefix = legacy ? "ZPA" : "ZSCALER";
        System.out.printf(Locale.ROOT, "Fake ZPA API (%s) with %d connectors at %s%n", legacy ? "legacy" : "OneAPI",
                fake.tenant().size("connector"), fake.baseUrl());
        System.out.println("export " + prefix + "_CLIENT_ID=fake-client-id " + prefix + "_CLIENT_SECRET=fake-client-secret"
                + " " + (legacy ? "ZPA" : "ZSCALER") + "_CUSTOMER_ID=72058304855015424");
        System.out.println("export ZPA_DOCTOR_BASE_URL=" + fake.baseUrl() + " ZPA_DOCTOR_TOKEN_URL=" + fake.tokenUrl());
        System.out.println("Press Ctrl-C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        Thread.currentThread().join();
    }
}
