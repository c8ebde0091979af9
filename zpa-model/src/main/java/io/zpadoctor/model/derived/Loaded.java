package io.zpadoctor.model.derived;

import io.zpadoctor.model.tenant.TenantCollection;

/** Marks a tenant collection as read: its absence means "cannot tell", not "there are none". */
public record Loaded(TenantCollection collection) {
}
