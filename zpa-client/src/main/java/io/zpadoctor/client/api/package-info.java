/**
 * The ZPA API client: {@link io.zpadoctor.client.api.ZpaClient} reads a whole tenant within the published rate
 * limits (OneAPI or legacy keys) and reads, changes and creates single {@link io.zpadoctor.client.api.ApiObject}s.
 */
package io.zpadoctor.client.api;
