package org.alcance.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One who gets tokens: as a person signing in (user) and as a script (client) under the same id, the
 * lower-case office code for a field office, or {@code hq} or {@code admin}. Its office and role become
 * the {@code office} and {@code roles} claims the services authorize by.
 */
record Account(String id, String office, String role) {

    static List<Account> all(List<String> offices) {
        List<Account> accounts = new ArrayList<>();
        offices.forEach(office -> accounts.add(new Account(office.toLowerCase(Locale.ROOT), office, "office")));
        accounts.add(new Account("hq", null, "hq"));
        accounts.add(new Account("admin", null, "admin"));
        return accounts;
    }
}
