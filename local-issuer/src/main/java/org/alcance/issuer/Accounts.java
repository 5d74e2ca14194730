package org.alcance.issuer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Those who get tokens, each as a person signing in (user) and as a script (client) under the same id: the
 * lower-case office code for a field office, {@code hq} and {@code admin}. An account's office and role
 * become the {@code office} and {@code roles} claims the services authorize by.
 */
final class Accounts {

    record Account(String id, String office, String role) {
    }

    private final Map<String, Account> byId = new LinkedHashMap<>();

    Accounts(List<String> offices) {
        offices.forEach(office -> add(new Account(office.toLowerCase(Locale.ROOT), office, "office")));
        add(new Account("hq", null, "hq"));
        add(new Account("admin", null, "admin"));
    }

    private void add(Account account) {
        byId.put(account.id(), account);
    }

    Collection<Account> all() {
        return byId.values();
    }

    /** The account of a client or user id, or null for one that is not an account (the dashboard). */
    Account find(String id) {
        return byId.get(id);
    }
}
