package org.alcance.reporting;

import java.time.Duration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dashboard's client at the identity provider: a confidential client (its secret stays in this
 * service) signing people in with the authorization code and PKCE. The provider's endpoints come from its
 * discovery document, read at the first sign-in and again after a failed read. Boot's own registration reads
 * it at start instead, so reporting would not start, nor serve figures to scripts, while the provider is down.
 */
final class DashboardClient implements ReactiveClientRegistrationRepository {

    static final String REGISTRATION = "alcance";
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final Mono<ClientRegistration> registration;

    DashboardClient(String issuer, String clientId, String clientSecret) {
        registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(issuer)
                        .registrationId(REGISTRATION)
                        .clientId(clientId)
                        .clientSecret(clientSecret)
                        .scope("openid", "profile")
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(read -> FOREVER, failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return REGISTRATION.equals(registrationId) ? registration : Mono.empty();
    }
}
