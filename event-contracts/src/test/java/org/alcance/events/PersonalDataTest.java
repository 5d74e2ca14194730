package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.alcance.events.training.ParticipantProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Events leave the owning service's database: participants appear only as pseudonymous ids and profiles. */
class PersonalDataTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(email|e_mail|phone|mobile|firstname|lastname|surname|fullname|personname|participantname"
                    + "|birth|address|passport|nationalid).*");

    static List<Class<? extends DomainEvent>> eventClasses() {
        return EventClasses.concreteEventClasses();
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void eventShouldHaveNoPersonalDataFields(Class<? extends DomainEvent> eventClass) {
        List<String> fields = new ArrayList<>();
        collectFieldPaths(eventClass, eventClass.getSimpleName(), fields);

        assertThat(fields).isNotEmpty().noneMatch(f -> PERSONAL.matcher(f.substring(f.lastIndexOf('.') + 1))
                .matches());
    }

    @Test
    void participantProfileShouldHoldOnlyReportingAttributes() {
        assertThat(ParticipantProfile.class.getRecordComponents())
                .extracting(RecordComponent::getName)
                .containsExactly("sex", "ageGroup", "organisationType", "country");
    }

    private static void collectFieldPaths(Type type, String path, List<String> out) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                String child = path + "." + component.getName();
                out.add(child);
                collectFieldPaths(component.getGenericType(), child, out);
            }
        } else if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collectFieldPaths(argument, path, out);
            }
        }
    }
}
