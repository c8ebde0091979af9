package io.zpadoctor.client.bundle.internal;

import io.zpadoctor.client.internal.wire.Fields;
import io.zpadoctor.client.internal.wire.WireException;
import io.zpadoctor.client.internal.wire.ApiJson;
import io.zpadoctor.client.bundle.BundleException;
import io.zpadoctor.model.ApplicationTarget;
import io.zpadoctor.model.ReportedCase;
import io.zpadoctor.model.TenantLocation;
import io.zpadoctor.model.Symptom;

import java.time.Instant;

/** Reads {@code case.json}: what the administrator reported, the cloud, and when the bundle was collected. */
public final class CaseFile {
    public static final String PATH = "case.json";

    /** The case, and the collection time (or null). */
    public record Result(ReportedCase reportedCase, Instant collectedAt) {
    }

    private CaseFile() {
    }

    public static Result read(byte[] bytes) throws BundleException {
        try {
            return readWire(bytes);
        } catch (WireException e) {
            throw BundleFiles.error(e);
        }
    }

    private static Result readWire(byte[] bytes) throws WireException, BundleException {
        ApiJson.Result r = ApiJson.read(bytes, PATH);
        if (r.items().size() != 1) {
            throw new BundleException(PATH, "expected one JSON object like {\"symptom\": \"not-enrolling\","
                    + " \"connector\": \"...\"}, found " + r.items().size() + " objects");
        }
        ApiJson.Item item = r.items().get(0);
        Fields f = new Fields(item, PATH, "case");
        Symptom symptom = null;
        String s = f.text("symptom");
        if (s != null) {
            try {
                symptom = Symptom.parse(s);
            } catch (IllegalArgumentException e) {
                throw f.error("symptom", "expected one of " + Symptom.labels() + ", found \"" + s + "\"");
            }
        }
        ApplicationTarget app = null;
        String a = f.text("application", "app");
        if (a != null) {
            try {
                app = ApplicationTarget.parse(a);
            } catch (IllegalArgumentException e) {
                throw f.error("application", e.getMessage());
            }
        }
        String customer = f.text("customerId");
        if (customer != null && !customer.matches("\\d{1,19}")) {
            throw f.error("customerId", "expected the numeric ZPA tenant id, found \"" + customer + "\"");
        }
        String api = f.text("managementApi");
        TenantLocation where;
        try {
            where = new TenantLocation(f.text("cloud"), customer, api);
        } catch (IllegalArgumentException e) {
            throw f.error("managementApi", e.getMessage());
        }
        ReportedCase rc = new ReportedCase(symptom, f.text("connector", "connectorName"),
                f.text("connectorGroup", "connectorGroupName", "group"), app, where);
        return new Result(rc, f.instant("collectedAt"));
    }
}
