/** Implementation helpers of the model. Not API: do not depend on this package; it changes without notice. */
package io.zpadoctor.model.internal;
