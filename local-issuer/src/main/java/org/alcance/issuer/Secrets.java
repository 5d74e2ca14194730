package org.alcance.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The issuer's secrets, made at random the first time each is asked for and kept in its data directory,
 * readable by this user only, so that none is in the repository and a restart keeps them:
 * {@code issuer-secrets.properties} holds each client's secret under its id and each user's password
 * under {@code user.<id>}; {@code issuer-key.json} holds the signing key (a JWK set with its private part).
 */
final class Secrets {

    static final String FILE = "issuer-secrets.properties";
    static final String KEY_FILE = "issuer-key.json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties kept = new Properties();

    private Secrets(Path file) {
        this.file = file;
    }

    static Secrets in(Path data) {
        Secrets secrets = new Secrets(data.resolve(FILE));
        if (Files.exists(secrets.file)) {
            try (Reader reader = Files.newBufferedReader(secrets.file)) {
                secrets.kept.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets;
    }

    String clientSecret(String client) {
        return secret(client);
    }

    String password(String user) {
        return secret("user." + user);
    }

    private String secret(String key) {
        return (String) kept.computeIfAbsent(key, absent -> {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            return HexFormat.of().formatHex(random);
        });
    }

    /** Writes what was made since loading. */
    void save() {
        try (Writer writer = Files.newBufferedWriter(privateFile(file))) {
            kept.store(writer, "The local issuer's clients (id=secret) and users (user.id=password)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The RSA key tokens are signed with, made at the first start so that tokens outlive a restart. */
    static RSAKey signingKey(Path data) {
        Path file = data.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return (RSAKey) JWKSet.parse(Files.readString(file)).getKeys().get(0);
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("alcance-local").generate();
            Files.writeString(privateFile(file), new JWKSet(key).toString(false));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("The signing key in " + file + " is unreadable; delete it to make a new one", e);
        }
    }

    private static Path privateFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return file;
    }
}
