package org.alcance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JsonErrorsTest {

    record Reach(String audience, Long people) {
    }

    record Update(LocalDate reportedOn, List<Reach> reach) {
    }

    private static Problem.FieldError error(String json) {
        JacksonException refused = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readValue(json, Update.class));
        Problem problem = JsonErrors.problem(refused);
        assertThat(problem.status().value()).isEqualTo(400);
        assertThat(problem.getMessage() + problem.errors()).doesNotContain("Source", "StreamReadFeature", "jackson",
                "Exception", "java.");
        return problem.errors().get(0);
    }

    @Test
    void shouldSayWhereTheJsonBreaksInPlainWords() {
        assertThat(error("{\"reportedOn\": \"2002-06-15\",\n \"reach\": [{\"audience\": \"migrants\"")).isEqualTo(
                new Problem.FieldError("body", "The JSON breaks at line 2, column 35: it ends before every object and"
                        + " list is closed"));
        assertThat(error("{\"reach\": [}").detail())
                .isEqualTo("The JSON breaks at line 1, column 12: unexpected character '}'");
        assertThat(error("{\"reportedOn\": yesterday}").detail())
                .startsWith("The JSON breaks at line 1, column ").endsWith(
                        "'yesterday' is no JSON value (text goes in double quotes)");
    }

    @Test
    void shouldNameTheFieldOfAValueOfTheWrongKind() {
        assertThat(error("{\"reach\": [{\"audience\": \"migrants\", \"people\": \"many\"}]}"))
                .isEqualTo(new Problem.FieldError("reach[0].people", "must be a whole number"));
        assertThat(error("{\"reportedOn\": \"15/06/2002\"}"))
                .isEqualTo(new Problem.FieldError("reportedOn", "must be a date, such as \"2002-06-15\""));
        assertThat(error("{\"reach\": {\"audience\": \"migrants\"}}"))
                .isEqualTo(new Problem.FieldError("reach", "must be a list, [ … ]"));
    }
}
