package org.alcance.test;

import org.alcance.local.Issuer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the Spring context under test at the shared test infrastructure. It must run before the
 * Spring extension loads the context, which {@link IntegrationTest} arranges.
 */
public final class InfrastructureExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        System.setProperty("spring.mongodb.uri", infrastructure.mongoUri());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", infrastructure.issuer().uri());
        System.setProperty("alcance.dashboard.client-secret", infrastructure.issuer().secret(Issuer.DASHBOARD));
    }
}
