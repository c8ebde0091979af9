/**
 * Host evidence: one parser per connector-VM command ({@code df -hP} to {@link io.zpadoctor.client.host.DfParser},
 * ...), each giving parsed, partial, not-applicable or malformed, never a value its text does not hold; {@link
 * io.zpadoctor.client.host.HostEvidence} turns a bundle's host folders into facts. JDK-only: no Jackson here.
 */
package io.zpadoctor.client.host;
