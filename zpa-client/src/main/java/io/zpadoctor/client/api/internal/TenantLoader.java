package io.zpadoctor.client.api.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zpadoctor.client.api.ApiObject;
import io.zpadoctor.client.internal.JsonApiObject;
import io.zpadoctor.client.api.ReadListener;
import io.zpadoctor.client.api.ZpaApiConfig;
import io.zpadoctor.client.api.ZpaApiException;
import io.zpadoctor.client.api.ZpaApiException.Kind;
import io.zpadoctor.client.internal.wire.ApiJson;
import io.zpadoctor.client.internal.Redaction;
import io.zpadoctor.client.internal.wire.TenantReader;
import io.zpadoctor.client.internal.wire.WireException;
import io.zpadoctor.model.tenant.TenantCollection;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads every page of every collection. The first page of each collection goes out at once; the rest follow as
 * soon as the first says how many there are, all through the shared rate limiter. Any page that still fails
 * after its retries fails the whole read: a shorter list would be a wrong diagnosis.
 */
public final class TenantLoader {
    private final ZpaApiConfig config;
    private final Requester requester;
    private final Endpoints endpoints;
    private final ReadListener listener;
    private final Map<TenantCollection, Pages> pages = new EnumMap<>(TenantCollection.class);
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger pagesDone = new AtomicInteger();
    private final AtomicInteger pagesKnown = new AtomicInteger();
    private final AtomicInteger objects = new AtomicInteger();
    private final AtomicReference<ZpaApiException> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<String> notes = java.util.Collections.synchronizedList(new ArrayList<>());
    private ExecutorService pool;

    /** The pages of one collection as they arrive. */
    private static final class Pages {
        final Map<Integer, ApiJson.Page> byNumber = new TreeMap<>();
        final Map<Integer, URI> uris = new TreeMap<>();
        int declaredPages = -1;
        long declaredCount = -1;
        int submitted;
        String version;
    }

    /** The collections' objects, mapped, and what was noticed on the way. */
    public record Result(io.zpadoctor.model.tenant.Tenant tenant, Map<TenantCollection, List<ApiObject>> objects,
                         List<String> warnings, int pages) {
    }

    public TenantLoader(ZpaApiConfig config, Requester requester, Endpoints endpoints, ReadListener listener) {
        this.config = config;
        this.requester = requester;
        this.endpoints = endpoints;
        this.listener = listener;
    }

    public Result load() throws ZpaApiException {
        pool = Executors.newFixedThreadPool(config.concurrency(), daemons());
        try {
            for (TenantCollection c : TenantCollection.values()) {
                pages.put(c, new Pages());
            }
            outstanding.incrementAndGet();   // held until every first page is queued
            for (TenantCollection c : TenantCollection.values()) {
                submit(c, 1);
            }
            done();
            finished.await();
            if (failure.get() != null) {
                throw failure.get();
            }
            return assemble();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZpaApiException(Kind.INTERRUPTED, "interrupted while reading the tenant");
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void submit(TenantCollection c, int page) {
        Pages p = pages.get(c);
        synchronized (p) {
            if (page <= p.submitted) {
                return;
            }
            p.submitted = page;
            p.uris.put(page, p.version == null ? endpoints.page(c, page) : endpoints.page(c, page, p.version));
        }
        pagesKnown.incrementAndGet();
        outstanding.incrementAndGet();
        pool.execute(() -> fetch(c, page));
    }

    private void fetch(TenantCollection c, int page) {
        try {
            if (failure.get() != null) {
                return;
            }
            Pages p = pages.get(c);
            URI uri;
            synchronized (p) {
                uri = p.uris.get(page);
            }
            Call call = Call.get(uri, true);
            ApiJson.Page got;
            try {
                got = requester.execute(call, r -> parse(r, call));
            } catch (ZpaApiException e) {
                if (!(c == TenantCollection.ENROLLMENT_CERTIFICATES && page == 1 && e.status() == 404
                        && p.version == null)) {
                    throw e;
                }
                // the SDKs list certificates under v2; an API that only has the v1 list is asked there
                URI v1 = endpoints.page(c, 1, "v1");
                synchronized (p) {
                    p.version = "v1";
                    p.uris.put(1, v1);
                }
                Call again = Call.get(v1, true);
                got = requester.execute(again, r -> parse(r, again));
            }
            int more = 0;
            boolean repeat = false;
            synchronized (p) {
                p.byNumber.put(page, got);
                if (page == 1) {
                    p.declaredPages = got.totalPages();
                    p.declaredCount = got.totalCount();
                    if (p.declaredPages < 0 && p.declaredCount > got.items().size() && !got.items().isEmpty()) {
                        // only a totalCount: the pages follow from the size the server actually gave the first one
                        p.declaredPages = (int) ((p.declaredCount + got.items().size() - 1) / got.items().size());
                    }
                } else if (got.totalPages() > p.declaredPages && p.declaredPages >= 0) {
                    p.declaredPages = got.totalPages();   // the tenant grew while it was read
                }
                if (p.declaredPages >= 0) {
                    more = p.declaredPages;
                } else {
                    // no counts at all: the first page shows the server's page size; page on until one is shorter
                    ApiJson.Page first = p.byNumber.get(1);
                    int size = first == null ? 0 : first.items().size();
                    if (page > 1 && sameFirst(first, got)) {
                        p.byNumber.remove(page);
                        repeat = true;
                        if (size >= config.pageSize()) {
                            throw new ZpaApiException(Kind.BAD_RESPONSE, call.label(), 200, "page " + page
                                    + " repeats page 1 and no totalPages is given: the server ignores page=, so the"
                                    + " list cannot be read completely");
                        }
                        notes.add("GET /" + Endpoints.listResource(c) + " ignores page= and gives no totalPages;"
                                + " its " + size + " objects are taken as the whole list");
                    } else if (size > 0 && got.items().size() >= size) {
                        more = page + 1;
                    }
                }
            }
            objects.addAndGet(repeat ? 0 : got.items().size());
            listener.progress(pagesDone.incrementAndGet(), pagesKnown.get(), objects.get());
            for (int n = page + 1; n <= more; n++) {
                submit(c, n);
            }
        } catch (ZpaApiException e) {
            failure.compareAndSet(null, e);
            finished.countDown();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new ZpaApiException(Kind.BAD_RESPONSE, "reading " + c + " page " + page
                    + " failed unexpectedly: " + e.getClass().getSimpleName()));
            finished.countDown();
        } finally {
            done();
        }
    }

    private static boolean sameFirst(ApiJson.Page a, ApiJson.Page b) {
        if (a == null || a.items().isEmpty() || b.items().isEmpty()) {
            return false;
        }
        return a.items().get(0).node().path("id").asText("").equals(b.items().get(0).node().path("id").asText("-"));
    }

    private void done() {
        if (outstanding.decrementAndGet() == 0) {
            finished.countDown();
        }
    }

    private static ApiJson.Page parse(Http.Response r, Call call) throws Requester.BadBody {
        try {
            return ApiJson.readPage(r.body(), call.label());
        } catch (WireException e) {
            throw new Requester.BadBody(problem(e));
        }
    }

    /** A parse problem in the words of an answer rather than a file. */
    static String problem(WireException e) {
        String p = e.problem() == null ? e.getMessage() : e.problem();
        p = p.replace("the file is empty", "the answer is empty").replace("the file ends", "the answer ends")
                .replace("end of the file", "end of the answer").replace("delete the file if there are no such objects",
                        "an empty list is {\"totalPages\": \"0\"}");
        return p + (e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "");
    }

    /**
     * Pages that repeat objects of an earlier page (the server's order shifted while the tenant changed): each is
     * read once more, and if it still overlaps the read fails naming the page, since the objects the overlap pushed
     * off the end of the list were never seen. A list missing objects would be a wrong diagnosis.
     */
    private void rereadOverlappingPages() throws ZpaApiException {
        for (TenantCollection c : TenantCollection.values()) {
            Pages p = pages.get(c);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Map.Entry<Integer, ApiJson.Page> e : p.byNumber.entrySet()) {
                List<String> repeated = repeatedIds(e.getValue(), seen);
                if (!repeated.isEmpty()) {
                    URI uri = p.uris.get(e.getKey());
                    Call call = Call.get(uri, true);
                    ApiJson.Page again = requester.execute(call, r -> parse(r, call));
                    repeated = repeatedIds(again, seen);
                    if (!repeated.isEmpty()) {
                        throw new ZpaApiException(Kind.INCONSISTENT, call.label(), 200, "page " + e.getKey() + " of "
                                + Endpoints.listResource(c) + " repeats " + repeated.size() + " object(s) of earlier pages"
                                + " (id " + repeated.get(0) + (repeated.size() > 1 ? ", ..." : "") + "), also when read"
                                + " again: objects were pushed past the pages read, so the list would be incomplete;"
                                + " run it again when the tenant is not being changed");
                    }
                    notes.add("GET " + uri + " repeated objects of an earlier page; read again, it did not");
                    e.setValue(again);
                }
                e.getValue().items().forEach(i -> seen.add(i.node().path("id").asText("")));
            }
        }
    }

    private static List<String> repeatedIds(ApiJson.Page page, java.util.Set<String> seen) {
        List<String> out = new ArrayList<>();
        for (ApiJson.Item i : page.items()) {
            String id = i.node().path("id").asText("");
            if (!id.isEmpty() && seen.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private Result assemble() throws ZpaApiException {
        rereadOverlappingPages();
        List<String> warnings = new ArrayList<>(notes);
        TenantReader reader = new TenantReader(warnings);
        Map<TenantCollection, List<ApiObject>> raw = new EnumMap<>(TenantCollection.class);
        int pageCount = 0;
        for (TenantCollection c : TenantCollection.values()) {
            Pages p = pages.get(c);
            List<ApiObject> list = new ArrayList<>();
            for (Map.Entry<Integer, ApiJson.Page> e : p.byNumber.entrySet()) {
                pageCount++;
                List<ApiJson.Item> items = e.getValue().items();
                String label = "GET " + p.uris.get(e.getKey());
                try {
                    reader.accept(c, items, label, Endpoints.source(c));
                } catch (WireException ex) {
                    throw new ZpaApiException(Kind.BAD_RESPONSE, label, 200, problem(ex));
                }
                for (ApiJson.Item i : items) {
                    // the key string has served its purpose (its public prefix is in the facts): drop the secret now
                    list.add(JsonApiObject.of((ObjectNode) Redaction.redact(i.node())));
                }
            }
            if (p.byNumber.isEmpty()) {
                // the first page was never read; cannot happen without a failure, but never pretend it is empty
                throw new ZpaApiException(Kind.BAD_RESPONSE, "no page of " + Endpoints.listResource(c) + " was read");
            }
            if (p.declaredCount >= 0 && p.declaredCount != list.size()) {
                warnings.add("GET /" + Endpoints.listResource(c) + " declared totalCount " + p.declaredCount
                        + " but " + list.size() + " objects arrived; did the tenant change during the read?");
            }
            raw.put(c, list);
        }
        return new Result(reader.tenant(), raw, warnings, pageCount);
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "zpa-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
