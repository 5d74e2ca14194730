package org.alcance.campaign.vocabulary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The organisation's catalogue of audiences, channels, themes, materials and organisation types, each entry a
 * stable code with its labels in English, Spanish and French. A PUT is safe to send again.
 */
@RestController
@Tag(name = "Vocabularies", description = "The organisation's catalogue: audiences, channels, themes, materials and"
        + " organisation types, each a stable code with labels in English, Spanish and French. Once a kind has"
        + " entries, campaigns and updates name them by code or label.")
class VocabularyController {

    private final VocabularyService vocabularies;

    VocabularyController(VocabularyService vocabularies) {
        this.vocabularies = vocabularies;
    }

    @Operation(operationId = "listVocabularies", summary = "List every entry of the catalogue",
            description = "Every kind's entries, each with its code and its labels in English, Spanish and French.")
    @ApiResponse(responseCode = "200", description = "Every entry, by kind and code")
    @GetMapping("/api/vocabularies")
    Mono<VocabularyView.Page> all() {
        return vocabularies.list(null).map(VocabularyView::of).collectList().map(VocabularyView.Page::new);
    }

    @Operation(operationId = "listVocabulary", summary = "List the entries of one kind",
            description = "kind is audiences, channels, themes, materials or organisation-types.")
    @ApiResponse(responseCode = "200", description = "The kind's entries")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/api/vocabularies/{kind}")
    Mono<VocabularyView.Page> list(@PathVariable String kind) {
        return Mono.defer(() -> vocabularies.list(kind).map(VocabularyView::of).collectList()
                .map(VocabularyView.Page::new));
    }

    @Operation(operationId = "getVocabularyEntry", summary = "Read one entry of the catalogue",
            description = "The entry's labels, and who set them when.")
    @ApiResponse(responseCode = "200", description = "The entry with its labels")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/api/vocabularies/{kind}/{code}")
    Mono<VocabularyView> get(@PathVariable String kind, @PathVariable String code) {
        return Mono.defer(() -> vocabularies.get(kind, code)).map(VocabularyView::of)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Entry " + code + " of " + kind)));
    }

    @Operation(operationId = "setVocabularyEntry", summary = "Add or relabel an entry (admin)",
            description = "The code is lower case letters, digits and hyphens; labels in en, es and fr are all"
                    + " required, and none may already name another entry of the kind. Sent again, nothing changes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = VocabularyRequest.class), examples = @ExampleObject(
                            name = "journalists", value = VocabularyRequest.EXAMPLE))))
    @ApiResponse(responseCode = "200", description = "The entry as set")
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @ApiResponse(responseCode = "422", ref = ApiDescription.UNPROCESSABLE)
    @ApiResponse(responseCode = "503", ref = ApiDescription.SERVICE_UNAVAILABLE)
    @PutMapping("/api/vocabularies/{kind}/{code}")
    Mono<VocabularyView> set(@AuthenticationPrincipal Jwt token, @PathVariable String kind, @PathVariable String code,
            @RequestBody(required = false) VocabularyRequest request) {
        return Mono.defer(() -> vocabularies.set(Caller.of(token), kind, code, request)).map(VocabularyView::of);
    }
}
