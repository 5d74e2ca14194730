package org.alcance.web;

import java.util.List;
import org.springframework.security.oauth2.core.ClaimAccessor;

/**
 * Who is calling, as the token says (a bearer token, or the ID token of a person signed in to the
 * dashboard): a field office user writes and reads its own office's campaigns; {@code hq} and
 * {@code admin} read every office's. The name is the one to show: the provider's user name, else the subject.
 */
public record Caller(String subject, String name, String office, List<String> roles) {

    public static Caller of(ClaimAccessor token) {
        List<String> roles = token.getClaimAsStringList("roles");
        String subject = token.getClaimAsString("sub");
        String name = token.getClaimAsString("preferred_username");
        return new Caller(subject, name == null ? subject : name, token.getClaimAsString("office"),
                roles == null ? List.of() : roles);
    }

    public boolean readsAllOffices() {
        return roles.contains("hq") || roles.contains("admin");
    }

    public boolean canRead(String office) {
        return readsAllOffices() || writesFor(office);
    }

    public boolean writesFor(String office) {
        return roles.contains("office") && this.office != null && this.office.equals(office);
    }

    /**
     * The office a field office user creates {@code things} for: its own, which a body may repeat
     * but not contradict. Anyone else is refused.
     */
    public String officeToCreateFor(String requested, String things) {
        if (!roles.contains("office") || office == null) {
            throw Problem.forbidden("Only a field office user (with an office claim) creates " + things);
        }
        if (requested != null && !requested.equals(office)) {
            throw Problem.forbidden("You create " + things + " for your own office, " + office);
        }
        return office;
    }

    /**
     * Refuses a write on the {@code kind} (e.g. "course") {@code id} of office {@code owner} by anyone
     * but that office: 404 for those who cannot even read it, as if it did not exist.
     */
    public void requireWriter(String owner, String kind, String id) {
        if (!writesFor(owner)) {
            throw canRead(owner) ? Problem.forbidden("Only office " + owner + " changes this " + kind)
                    : Problem.notFound(kind.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.substring(1) + " " + id);
        }
    }
}
