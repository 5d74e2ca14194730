package org.alcance.reporting;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a caller how the service sees its token: a first check for anyone scripting the API. */
@RestController
class CallerController {

    record Caller(String subject, String office, List<String> roles) {
    }

    @GetMapping("/api/me")
    Caller me(@AuthenticationPrincipal Jwt token) {
        return new Caller(token.getSubject(), token.getClaimAsString("office"), token.getClaimAsStringList("roles"));
    }
}
