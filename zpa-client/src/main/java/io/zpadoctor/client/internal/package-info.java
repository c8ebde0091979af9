/**
 * What the API client and the bundle reader and writer share: the API object behind {@link
 * io.zpadoctor.client.api.ApiObject} and the redaction of key strings and secrets in API objects. Not API: do not
 * depend on this package; it changes without notice.
 */
package io.zpadoctor.client.internal;
