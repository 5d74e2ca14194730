package org.alcance.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a caller how the service reads its token: a first check for anyone scripting the API. */
@RestController
class CallerController {

    @GetMapping("/api/me")
    Caller me(@AuthenticationPrincipal ClaimAccessor token) {
        return Caller.of(token);
    }
}
