package io.zpadoctor.client.api;

import java.time.Duration;

/**
 * What reading cost.
 *
 * @param requests API requests sent, every retry and every request answered 429 included
 * @param pages list pages received in full
 * @param tokenRequests requests to the token endpoint
 * @param rateLimited answers of 429, each obeyed by pausing every worker
 * @param retries attempts repeated after a 5xx, a timeout, a reset or a cut-short answer
 * @param paused how long the client held every request back on the server's word
 * @param elapsed wall time
 */
public record ReadStats(int requests, int pages, int tokenRequests, int rateLimited, int retries, Duration paused,
                        Duration elapsed) {
}
