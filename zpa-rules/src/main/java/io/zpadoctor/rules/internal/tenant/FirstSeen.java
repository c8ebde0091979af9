package io.zpadoctor.rules.internal.tenant;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The first value put under each string key, in one open-addressed array: a tenant's 10,000 connector ids or
 * fingerprints go in without an entry object each, which is most of what a hash map costs at that size. Read-only
 * as a {@link Map} (iteration in no particular order); {@code null} keys and values are not allowed.
 */
final class FirstSeen<V> extends AbstractMap<String, V> {
    /** Key at an even index, its value right after it, so one probe touches one cache line. */
    private final Object[] slots;
    private final int mask;
    private int size;

    FirstSeen(int expected) {
        // at most three quarters full, so a probe ends after a slot or two
        int cap = Integer.highestOneBit(Math.max(4, expected + expected / 3 + 1) - 1) << 1;
        slots = new Object[cap * 2];
        mask = cap - 1;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int probe(Object key) {
        int h = key.hashCode();
        for (int i = (h ^ (h >>> 16)) & mask; ; i = (i + 1) & mask) {
            Object k = slots[2 * i];
            if (k == null || k == key || k.hashCode() == h && k.equals(key)) {
                return i;
            }
        }
    }

    /** The value already under {@code key}; or, when there is none, null after putting {@code value} there. */
    @SuppressWarnings("unchecked")
    @Override
    public V putIfAbsent(String key, V value) {
        if (key == null || value == null) {
            throw new NullPointerException("FirstSeen takes no null key or value");
        }
        int i = probe(key);
        if (slots[2 * i] != null) {
            return (V) slots[2 * i + 1];
        }
        if (size >= (mask + 1) * 3 / 4) {
            throw new IllegalStateException("FirstSeen is full: it was sized for fewer keys");
        }
        slots[2 * i] = key;
        slots[2 * i + 1] = value;
        size++;
        return null;
    }

    @SuppressWarnings("unchecked")
    @Override
    public V get(Object key) {
        return key == null ? null : (V) slots[2 * probe(key) + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i <= mask && slots[2 * i] == null) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next <= mask;
                    }

                    @SuppressWarnings("unchecked")
                    @Override
                    public Entry<String, V> next() {
                        if (next > mask) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> e = new SimpleImmutableEntry<>((String) slots[2 * next],
                                (V) slots[2 * next + 1]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }
        };
    }
}
