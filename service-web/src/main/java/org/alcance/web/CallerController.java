package org.alcance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a caller how the service reads its token: a first check for anyone scripting the API. */
@RestController
@Tag(name = "Caller", description = "How the service reads the caller's token.")
class CallerController {

    @Operation(operationId = "me", summary = "Show how the service reads your token",
            description = "The subject, office and roles the service takes from the bearer token: a first call for"
                    + " anyone scripting the API.")
    @ApiResponse(responseCode = "200", description = "The caller")
    @GetMapping("/api/me")
    Caller me(@AuthenticationPrincipal ClaimAccessor token) {
        return Caller.of(token);
    }
}
