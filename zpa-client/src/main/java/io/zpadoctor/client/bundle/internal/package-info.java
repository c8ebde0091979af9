/**
 * Reading a bundle's files from a folder or an archive within limits, and case.json. Not API: do not depend on this
 * package; it changes without notice.
 */
package io.zpadoctor.client.bundle.internal;
