package io.zpadoctor.model.derived;

/**
 * The public prefix ({@code <n>|<enrollment host>|}) of the provisioning key a host uses, from its key file's
 * shape or from the nonce of a refused login. Never more of the key than that.
 */
public record HostKey(String host, String prefix, String source, Integer line) {
}
