package org.alcance.campaign.vocabulary;

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
class VocabularyController {

    private final VocabularyService vocabularies;

    VocabularyController(VocabularyService vocabularies) {
        this.vocabularies = vocabularies;
    }

    @GetMapping("/api/vocabularies")
    Mono<VocabularyView.Page> all() {
        return vocabularies.list(null).map(VocabularyView::of).collectList().map(VocabularyView.Page::new);
    }

    @GetMapping("/api/vocabularies/{kind}")
    Mono<VocabularyView.Page> list(@PathVariable String kind) {
        return Mono.defer(() -> vocabularies.list(kind).map(VocabularyView::of).collectList()
                .map(VocabularyView.Page::new));
    }

    @GetMapping("/api/vocabularies/{kind}/{code}")
    Mono<VocabularyView> get(@PathVariable String kind, @PathVariable String code) {
        return Mono.defer(() -> vocabularies.get(kind, code)).map(VocabularyView::of)
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Entry " + code + " of " + kind)));
    }

    @PutMapping("/api/vocabularies/{kind}/{code}")
    Mono<VocabularyView> set(@AuthenticationPrincipal Jwt token, @PathVariable String kind, @PathVariable String code,
            @RequestBody(required = false) VocabularyRequest request) {
        return Mono.defer(() -> vocabularies.set(Caller.of(token), kind, code, request)).map(VocabularyView::of);
    }
}
