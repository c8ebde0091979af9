/**
 * Implementation helpers of the model: constructor checks, host name patterns, secret scrubbing.
 * Not API: please do not depend on this package; its contents may change without notice.
 */
package io.zpadoctor.model.internal;
