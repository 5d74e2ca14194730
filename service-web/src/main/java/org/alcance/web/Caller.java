package org.alcance.web;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the token says: a field office user writes and reads its own office's
 * campaigns; {@code hq} and {@code admin} read every office's.
 */
public record Caller(String subject, String office, List<String> roles) {

    public static Caller of(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return new Caller(token.getSubject(), token.getClaimAsString("office"), roles == null ? List.of() : roles);
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
}
