package org.alcance.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;

/**
 * Where a page of a list ended, for lists sorted newest first by a time field and then by id.
 * Opaque to clients: they pass {@code nextCursor} back as {@code cursor}.
 */
public record PageCursor(Instant at, String id) {

    public static final int MAX_LIMIT = 200;

    public static Sort newestFirst(String timeField) {
        return Sort.by(Sort.Order.desc(timeField), Sort.Order.desc("_id"));
    }

    /** The entries after this cursor in {@link #newestFirst} order. */
    public Criteria after(String timeField) {
        return new Criteria().orOperator(Criteria.where(timeField).lt(at),
                Criteria.where(timeField).is(at).and("_id").lt(id));
    }

    /** The cursor after a full page (null after a shorter one: the list ends there). */
    public static <T> String next(List<T> page, int limit, java.util.function.Function<T, Instant> at,
            java.util.function.Function<T, String> id) {
        if (page.size() < limit || page.isEmpty()) {
            return null;
        }
        T last = page.get(page.size() - 1);
        return new PageCursor(at.apply(last), id.apply(last)).encode();
    }

    public String encode() {
        String raw = at.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static PageCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
        } catch (RuntimeException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "cursor is not one this API gave out",
                    List.of(new Problem.FieldError("cursor", "unreadable")));
        }
    }

    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Problem(HttpStatus.BAD_REQUEST, "limit must be from 1 to " + MAX_LIMIT,
                    List.of(new Problem.FieldError("limit", "must be from 1 to " + MAX_LIMIT)));
        }
        return limit;
    }
}
