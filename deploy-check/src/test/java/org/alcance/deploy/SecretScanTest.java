package org.alcance.deploy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No usable secret in what git keeps nor in the jars the modules build: a key, password or token committed or shipped
 * reaches everyone who can clone the repository or pull an image, and cannot be called back. Findings name the file
 * (and jar entry), the line and the rule, never the value, so that the build log does not leak it a second time.
 */
class SecretScanTest {

    /** A kind of usable secret: a match of the pattern that holds. */
    record Rule(String name, Pattern pattern, Predicate<Matcher> holds) {

        static Rule of(String name, String regex) {
            return new Rule(name, Pattern.compile(regex), match -> true);
        }

        /** Only a literal in the group "value" counts: placeholders, references and prose are set elsewhere. */
        static Rule literal(String name, String regex) {
            return new Rule(name, Pattern.compile(regex), match -> isLiteral(match.group("value")));
        }
    }

    /** A match; the text of its line serves the allow-list only and is never printed. */
    record Finding(String rule, int line, String text) {
    }

    /** A line that matches a rule but holds no secret, by the end of its path and its text. */
    record Allowed(String pathEnd, String line) {

        boolean allows(String location, Finding finding) {
            return location.endsWith(pathEnd) && finding.text().strip().equals(line);
        }
    }

    /** Words in a key's name that say its value is a secret. */
    private static final String SECRET_WORD = "(?:password|passwd|secret|credentials?|token|api[_-]?key)";
    /** Where a key's name starts: not in a word, a $VAR or ${VAR} reference, or the tail of a dotted or dashed name. */
    private static final String KEY_START = "(?<![\\w$.{-])";
    /** A value: ${...}, quoted, or bare up to the end of the entry (a nested {...} or [...] is not one). */
    private static final String VALUE =
            "(?<value>\\$\\{[^}\\n]*}|\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s\"'(){}\\[\\],;#][^\\n,;#}\\]]*)?";

    // the header of a private key in any PEM format (PKCS#8, RSA, EC, OpenSSH, encrypted)
    static final Rule PEM_PRIVATE_KEY = Rule.of("PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----");
    // a JSON Web Key with "d", its private exponent or scalar, signs tokens
    static final Rule PRIVATE_JWK = Rule.of("JWK with a private part",
            "\\{(?=[^{}]*\"kty\")(?=[^{}]*\"d\"\\s*:)[^{}]*}");
    // cloud tokens have fixed prefixes: AWS access key ids, GitHub personal tokens, Slack tokens
    static final Rule AWS_KEY = Rule.of("AWS access key id", "\\bAKIA[0-9A-Z]{16}\\b");
    static final Rule GITHUB_TOKEN = Rule.of("GitHub token", "\\bghp_[A-Za-z0-9]{36}\\b");
    static final Rule SLACK_TOKEN = Rule.of("Slack token", "\\bxox[baprs]-[A-Za-z0-9-]{10,}");
    // password: x, client_secret=x, "secret": "x", X_PASSWORD=x, password="x" inside a JAAS config
    static final Rule SECRET_KEY_WITH_LITERAL = Rule.literal("secret-named key set to a literal",
            "(?i)" + KEY_START + "[\\w.-]*" + SECRET_WORD + "[\"']?[ \\t]*[:=](?![:=])[ \\t]*" + VALUE);
    // a random-looking value (hex, base64, 32 chars or more, a digit among them) even where the name only mentions
    // a secret (tokenValue, secretKeyData)
    static final Rule RANDOM_VALUE = Rule.of("random-looking value under a secret-named key",
            "(?i)" + KEY_START + "[\\w.-]*" + SECRET_WORD + "[\\w.-]*[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                    + "(?=[^\\s\"']*\\d)[a-z0-9+/_-]{32,}={0,2}(?![\\w+/=-])");
    // user:password@host in a URL (a connection string) is a password too
    static final Rule URL_PASSWORD = Rule.literal("password in a URL",
            "(?i)\\b[a-z][a-z0-9+.-]*://[^\\s:/@'\"]+:(?<value>\\$\\{[^}\\n]*}|[^\\s@/'\"]+)@");
    // the defaults once in the tree, as a whole string: between quotes in source, between the length and the next
    // tag byte in a .class file's constant pool
    static final Rule KNOWN_DEFAULT = Rule.of("known default secret",
            "(?i)(?<=[\"\\x00-\\x1f])(?:change-me|[a-z0-9]+-secret)(?=[\"\\x00-\\x1f])");

    /** Java is code: secret(kept, id) or password = request.password() name no value, so only whole literals count. */
    static final List<Rule> CODE_RULES = List.of(PEM_PRIVATE_KEY, AWS_KEY, GITHUB_TOKEN, SLACK_TOKEN, KNOWN_DEFAULT);
    static final List<Rule> TEXT_RULES = List.of(PEM_PRIVATE_KEY, PRIVATE_JWK, AWS_KEY, GITHUB_TOKEN, SLACK_TOKEN,
            SECRET_KEY_WITH_LITERAL, RANDOM_VALUE, URL_PASSWORD);

    private static final List<Allowed> ALLOWED = List.of(
            // checks that the old default is gone from the compose file and .env.example
            new Allowed("deploy-check/src/test/java/org/alcance/deploy/ComposeTest.java",
                    "assertThat(text + Repo.read(Repo.path(\".env.example\"))).doesNotContain(\"change-me\");"));

    /** ${VAR}, ${VAR?message}, ${VAR:?message}, ${VAR:-default} (compose) and ${name:default} (Spring). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[\\w.-]+(?:(:-|:?\\?|:)(.*))?}");
    /**
     * <your-password>, $(command), $VAR, a call (code: sessionStorage.getItem(TOKEN)), booleans, and prose with a
     * space in it (a label, a comment).
     */
    private static final Pattern NOT_A_VALUE =
            Pattern.compile("(?i)<[^>]*>|\\$[({\\w].*|[\\w.]+\\(.*|true|false|null|.*\\s.*");

    /** Jar entries that may hold our string constants. */
    private static final Pattern SCANNED_ENTRY = Pattern.compile("\\.(class|properties|ya?ml|json|html|js|xml)$");

    @Test
    void noFileGitKeepsHoldsAUsableSecret() throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        for (String file : gitFiles()) {
            Path path = Repo.path(file);
            if (Files.isRegularFile(path)) {
                found.addAll(check(file, Files.readAllBytes(path)));
            }
        }
        assertThat(found).as("usable secrets (file:line: rule)").isEmpty();
    }

    @Test
    void noModuleJarHoldsAUsableSecret() throws IOException {
        List<Path> jars = moduleJars();
        assertThat(jars).as("no */target/*.jar to scan: build first: ./mvnw package -DskipTests").isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : Collections.list(file.entries())) {
                    // BOOT-INF/lib holds the third-party jars of a Spring Boot jar, not ours
                    if (!entry.isDirectory() && !entry.getName().startsWith("BOOT-INF/lib/")
                            && SCANNED_ENTRY.matcher(entry.getName()).find()) {
                        try (InputStream in = file.getInputStream(entry)) {
                            found.addAll(check(Repo.ROOT.relativize(jar) + "!" + entry.getName(), in.readAllBytes()));
                        }
                    }
                }
            }
        }
        assertThat(found).as("usable secrets (jar!entry:line: rule)").isEmpty();
    }

    @Test
    void theRulesCatchEachKindOfSecret() {
        assertThat(List.of(
                "-----BEGIN " + "PRIVATE KEY-----",
                "password: change-me",
                "\"client_secret\": \"hq-secret\"",
                "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"AAAA\", \"y\": \"AAAA\", \"d\": \"AAAA\"}",
                "KAFKA_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"campaign\" password=\"s3cr3tvalue\";",
                "MONGO_PASSWORD: ${MONGO_PASSWORD:-change-me}",
                "GRAFANA_ADMIN_PASSWORD=admin",
                "tokenValue: 3f2a9c0d4b7e8f1a6c5d2e9b0a7f4c3d",
                "MONGODB_URI: mongodb://campaign:s3cr3t@mongo:27017/",
                "aws_access_key_id = " + "AKIA" + "ABCDEFGHIJ234567"))
                .allSatisfy(line -> assertThat(scan(line, TEXT_RULES)).as(line).isNotEmpty());
        // a Java literal, and the same string as a constant of a .class file read byte for byte
        assertThat(List.of("new TokenIssuer.Client(\"gt-secret\", \"GT\", List.of(\"office\"))", "\1\0\thq-secret\7"))
                .allSatisfy(code -> assertThat(scan(code, CODE_RULES)).as(code).isNotEmpty());
    }

    @Test
    void theRulesPassPlaceholdersReferencesAndNames() {
        assertThat(List.of(
                "password: ${MONGO_PASSWORD:?set it}",
                "secret: \"\"",
                "secretKeyRef:",
                "client-secret: ${ALCANCE_DASHBOARD_SECRET}",
                "sasl.jaas.config: ${KAFKA_SASL_JAAS_CONFIG:}",
                "CAMPAIGN_MONGO_PASSWORD=\nTRAINING_MONGO_PASSWORD=",
                "token: sessionStorage.getItem(TOKEN),",
                "MONGODB_URI: mongodb://campaign:${CAMPAIGN_MONGO_PASSWORD:?set it in .env}@mongo:27017/",
                "--from-literal=password=\"$(openssl rand -hex 24)\"",
                "clientSecret: 'Client secret',",
                "\"clientAuthenticatorType\": \"client-secret\","))
                .allSatisfy(line -> assertThat(scan(line, TEXT_RULES)).as(line).isEmpty());
        assertThat(scan("return secret(kept, id);", CODE_RULES)).isEmpty();
    }

    /** A file or jar entry's findings the allow-list does not excuse, as "location:line: rule". */
    private static List<String> check(String location, byte[] bytes) {
        boolean classFile = location.endsWith(".class");
        // byte for byte, a .class file shows its string constants as they are
        String content = new String(bytes, classFile ? ISO_8859_1 : UTF_8);
        List<Rule> rules = classFile || location.endsWith(".java") ? CODE_RULES : TEXT_RULES;
        return scan(content, rules).stream()
                .filter(finding -> ALLOWED.stream().noneMatch(allowed -> allowed.allows(location, finding)))
                .map(finding -> location + ":" + finding.line() + ": " + finding.rule())
                .toList();
    }

    static List<Finding> scan(String content, List<Rule> rules) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher match = rule.pattern().matcher(content);
            while (match.find()) {
                if (rule.holds().test(match)) {
                    int start = content.lastIndexOf('\n', match.start()) + 1;
                    int end = content.indexOf('\n', match.start());
                    int line = 1 + (int) content.substring(0, start).chars().filter(c -> c == '\n').count();
                    findings.add(new Finding(rule.name(), line,
                            content.substring(start, end < 0 ? content.length() : end)));
                }
            }
        }
        return findings;
    }

    /** Whether a value is a literal: not empty, no placeholder without a default, no reference, no prose. */
    static boolean isLiteral(String value) {
        String unquoted = value == null ? "" : value.strip().replaceAll("^([\"'])(.*)\\1$", "$2");
        Matcher placeholder = PLACEHOLDER.matcher(unquoted);
        if (placeholder.matches()) {
            // set where it runs, or refused when unset (?); a default is a value like any other
            String operator = placeholder.group(1);
            return operator != null && !operator.endsWith("?") && isLiteral(placeholder.group(2));
        }
        return !unquoted.isEmpty() && !NOT_A_VALUE.matcher(unquoted).matches();
    }

    /** What git keeps and what it would keep at the next commit (new files it does not ignore). */
    private static List<String> gitFiles() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(Repo.ROOT.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String listing = new String(git.getInputStream().readAllBytes(), UTF_8);
        assertThat(git.waitFor()).as("git ls-files in " + Repo.ROOT).isZero();
        return Stream.of(listing.split("\0")).filter(file -> !file.isEmpty()).toList();
    }

    /** The jars the modules build; the dependency jars some copy to target/lib are one level down. */
    private static List<Path> moduleJars() throws IOException {
        PathMatcher built = FileSystems.getDefault().getPathMatcher("glob:*/target/*.jar");
        try (Stream<Path> files = Files.find(Repo.ROOT, 3,
                (path, attributes) -> built.matches(Repo.ROOT.relativize(path)))) {
            return files.sorted().toList();
        }
    }
}
