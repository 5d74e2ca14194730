package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each service's Dockerfile: multi-stage, layered Boot jar on a JRE 17+, non-root, the service's port. */
class DockerfileTest {

    static final int USER_ID = 10001;

    @Test
    void everyServiceHasALayeredNonRootImage() {
        for (String service : Repo.SERVICES) {
            String dockerfile = Repo.read(Repo.path(service + "/Dockerfile"));
            List<String> froms = instructions(dockerfile, "FROM");
            assertThat(froms).as(service + " stages").hasSize(2);
            assertThat(froms.get(0)).matches("eclipse-temurin:(1[7-9]|[2-9][0-9])-jdk AS build");
            assertThat(froms.get(1)).matches("eclipse-temurin:(1[7-9]|[2-9][0-9])-jre");
            assertThat(dockerfile).contains("./mvnw -B -ntp -pl " + service + " -am package")
                    .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher");
            for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
                assertThat(dockerfile).contains("COPY --from=build /workspace/extracted/" + layer + "/ ./");
            }
            assertThat(instructions(dockerfile, "USER")).containsExactly(USER_ID + ":" + USER_ID);
            assertThat(instructions(dockerfile, "EXPOSE")).containsExactly(String.valueOf(Repo.serverPort(service)));
            assertThat(instructions(dockerfile, "HEALTHCHECK").get(0))
                    .contains("http://localhost:" + Repo.serverPort(service) + "/actuator/health/readiness");
            assertThat(instructions(dockerfile, "ENTRYPOINT"))
                    .containsExactly("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        }
    }

    @Test
    void buildContextLeavesOutBuildOutputAndData() {
        String ignore = Repo.read(Repo.path(".dockerignore"));
        assertThat(ignore.lines()).contains(".git", "**/target", "data");
        assertThat(ignore.lines()).noneMatch(line -> line.equals("mvnw") || line.equals(".mvn") || line.equals("pom.xml"));
    }

    /** The arguments of every instruction of a kind, line continuations joined. */
    static List<String> instructions(String dockerfile, String keyword) {
        String joined = dockerfile.replaceAll("\\\\\\n", " ");
        Matcher m = Pattern.compile("(?m)^" + keyword + "\\s+(.+)$").matcher(joined);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).trim().replaceAll("\\s+", " "));
        }
        return found;
    }
}
