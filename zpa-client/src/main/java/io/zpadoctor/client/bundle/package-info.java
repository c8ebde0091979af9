/** Support bundles: {@link io.zpadoctor.client.bundle.BundleReader} reads one, {@link io.zpadoctor.client.bundle.BundleWriter} writes a snapshot. */
package io.zpadoctor.client.bundle;
