package org.alcance.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OpenID Connect provider of the local stack and of the tests: Spring Authorization Server with a
 * login page, a user and a client-credentials client for headquarters, for admins and for each field
 * office, and the dashboard's client (authorization code with PKCE). Its secrets and signing key are made
 * at random at the first start and kept in its data directory. It is tested, as it is used, from
 * local-stack ({@code IssuerTest}) and by every integration test. Deployments use their own identity
 * provider (Keycloak in compose, the organisation's own on Kubernetes); this one is for one machine only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LocalIssuer {

    public static void main(String[] args) {
        SpringApplication.run(LocalIssuer.class, args);
    }
}
