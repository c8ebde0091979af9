/** Text helpers shared by the host command parsers. Not API: do not depend on this package; it changes without notice. */
package io.zpadoctor.client.host.internal;
