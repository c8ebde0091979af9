/** Implementation of the ZPA API client. Not API: do not depend on this package; it changes without notice. */
package io.zpadoctor.client.api.internal;
