package org.alcance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies as every service reads them: a flag is true or false, and nothing read as one. */
class StrictRequestBodiesTest {

    record Create(String title, Boolean illustrative) {
    }

    private final JsonMapper mapper = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebConventionsAutoConfiguration().strictRequestBodies().customize(builder);
        return builder.build();
    }

    @Test
    void shouldReadAFlagFromTrueOrFalseAndLeaveItUnsetWhenAbsent() {
        assertThat(mapper.readValue("{\"illustrative\": true}", Create.class).illustrative()).isTrue();
        assertThat(mapper.readValue("{\"illustrative\": false}", Create.class).illustrative()).isFalse();
        assertThat(mapper.readValue("{\"title\": \"Posters\"}", Create.class).illustrative()).isNull();
    }

    @Test
    void shouldRefuseAFlagGivenAsANumberTextOrListNamingTheField() {
        for (String notAFlag : List.of("1", "0", "\"yes\"", "\"true\"", "[true]", "{}")) {
            JacksonException refused = catchThrowableOfType(JacksonException.class,
                    () -> mapper.readValue("{\"illustrative\": " + notAFlag + "}", Create.class));
            assertThat(refused).as(notAFlag).isNotNull();
            assertThat(JsonErrors.problem(refused).errors()).as(notAFlag)
                    .containsExactly(new Problem.FieldError("illustrative", "must be true or false"));
        }
    }
}
