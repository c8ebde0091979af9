package io.zpadoctor.model.tenant;

import io.zpadoctor.model.internal.Require;

/** An application server listed explicitly in a server group (used when dynamic discovery is off). */
public record ApplicationServer(String id, String name, String address, boolean enabled) {
    public ApplicationServer {
        name = Require.blankToNull(name);
        address = Require.blankToNull(address);
    }
}
