package org.alcance.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local issuer's clients: each secret made at random once, kept for this user only, the same after a restart. */
class LocalClientsTest {

    @TempDir
    Path dir;

    @Test
    void shouldMakeEachSecretAtRandomOnceAndKeepItInAFileOnlyItsUserReads() throws Exception {
        Path secrets = dir.resolve("data").resolve(LocalStack.SECRETS);

        Map<String, TokenIssuer.Client> first = LocalStack.clients(List.of("GT", "AL"), secrets);
        Map<String, TokenIssuer.Client> again = LocalStack.clients(List.of("GT", "AL", "TN"), secrets);

        assertThat(first).containsOnlyKeys("gt", "al", "hq", "admin");
        assertThat(first.values()).extracting(TokenIssuer.Client::secret).doesNotHaveDuplicates()
                .allSatisfy(secret -> assertThat(secret).matches("[0-9a-f]{48}"));
        for (String id : first.keySet()) {
            assertThat(again.get(id).secret()).as("the secret of %s after a restart", id)
                    .isEqualTo(first.get(id).secret());
        }
        assertThat(again.get("tn").secret()).matches("[0-9a-f]{48}").isNotIn(first.values().stream()
                .map(TokenIssuer.Client::secret).toList());
        assertThat(first.get("gt").office()).isEqualTo("GT");
        assertThat(first.get("hq").roles()).containsExactly("hq");
        assertThat(Files.readString(secrets)).contains("gt=" + first.get("gt").secret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
    }
}
