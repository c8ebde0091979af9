package io.zpadoctor.client.api;

/** How the client authenticates to the ZPA management API. */
public enum AuthMode {
    /** ZIdentity OAuth2 client credentials through the OneAPI gateway ({@code api.zsapi.net}); the current way. */
    ONEAPI,
    /** The ZPA portal's own API keys ({@code POST /signin} per cloud); refused by tenants migrated to OneAPI. */
    LEGACY
}
