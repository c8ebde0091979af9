/**
 * The wire-to-model mapping: ZPA API JSON (pages, arrays, strings for numbers) into the model's tenant, the same
 * for a bundle's api/ files and a live read. Not API: do not depend on this package; it changes without notice.
 */
package io.zpadoctor.client.internal.wire;
