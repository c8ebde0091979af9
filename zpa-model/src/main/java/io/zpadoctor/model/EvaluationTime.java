package io.zpadoctor.model;

import java.time.Instant;

/**
 * "Now" for a diagnosis, as a fact: rules never read the system clock, so a bundle diagnosed next month gives
 * the same answer as on the day it was collected.
 *
 * @param basis where the time came from, e.g. {@code case.json collectedAt} or {@code system clock}
 */
public record EvaluationTime(Instant instant, String basis) {
    public EvaluationTime {
        if (instant == null) {
            throw new IllegalArgumentException("evaluation time needs an instant");
        }
        basis = basis == null ? "given" : basis;
    }

    public long epochSecond() {
        return instant.getEpochSecond();
    }
}
