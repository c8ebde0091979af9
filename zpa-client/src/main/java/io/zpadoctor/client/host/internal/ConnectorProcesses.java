package io.zpadoctor.client.host.internal;

import java.util.regex.Pattern;

/** How the connector's two processes appear in {@code ps} and in a systemd CGroup tree. */
public final class ConnectorProcesses {
    /** The data plane: {@code zpa-connector-child}, which {@code top} shows as {@code image.bin}. */
    private static final Pattern CHILD = Pattern.compile("(^|/|\\s)(zpa-connector-child|image\\.bin)(\\s|$)");
    /** The manager that supervises the child: {@code /opt/zscaler/bin/zpa-connector}. */
    private static final Pattern MANAGER = Pattern.compile("^(/opt/zscaler/bin/)?zpa-connector(\\s|$)");

    private ConnectorProcesses() {
    }

    public static boolean isChild(String command) {
        return CHILD.matcher(command).find();
    }

    public static boolean isManager(String command) {
        return !isChild(command) && MANAGER.matcher(command).find();
    }
}
