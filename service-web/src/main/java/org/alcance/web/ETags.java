package org.alcance.web;

/** An entity's version as its {@code ETag}, and the version an {@code If-Match} header names. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Null without a header; a header that names no version gives -1, which no entity has. */
    public static Long version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** Refuses (412) a change based on another version than the current one; no header means no condition. */
    public static void requireMatch(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new Problem(org.springframework.http.HttpStatus.PRECONDITION_FAILED, "The " + what
                    + " changed since version " + expected + "; it is now at version " + current);
        }
    }
}
