package org.alcance.issuer;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the local issuer serves: where its secrets and key live, the offices that get a user and a client,
 * the audience of its access tokens, and where the dashboard may be sent back after signing in and out.
 */
@ConfigurationProperties("alcance.issuer")
record IssuerProperties(Path data, List<String> offices, String audience, Dashboard dashboard) {

    record Dashboard(List<URI> redirectUris, List<URI> signedOutUris) {
    }
}
