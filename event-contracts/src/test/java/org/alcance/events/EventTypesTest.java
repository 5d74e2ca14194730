package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.period.PeriodEvent;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.events.training.TrainingEvent;
import org.alcance.events.vocabulary.VocabularyEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypesTest {

    private static final String TYPE_PATTERN = "org\\.alcance\\.(campaign|training)\\.[a-z-]+\\.v[0-9]+";

    static Set<String> types() {
        return EventTypes.all();
    }

    static List<Class<? extends DomainEvent>> eventClasses() {
        return EventClasses.concreteEventClasses();
    }

    @ParameterizedTest
    @MethodSource("types")
    void typeStringShouldFollowTheNamingRule(String type) {
        assertThat(type).matches(TYPE_PATTERN);
    }

    @ParameterizedTest
    @MethodSource("types")
    void typeShouldMapToAClassAndBack(String type) {
        String written = EventTypes.typeOf(EventTypes.classOf(type));
        if (EventTypes.earlier().contains(type)) {
            assertThat(written).as("the current version of %s", type).isNotEqualTo(type)
                    .startsWith(type.substring(0, type.lastIndexOf(".v") + 2));
        } else {
            assertThat(written).isEqualTo(type);
        }
        assertThat(EventTypes.isKnown(type)).isTrue();
    }

    @Test
    void scanShouldFindTheEventClasses() {
        // guards the guard: an empty scan would make the catalogue checks below pass vacuously
        assertThat(eventClasses()).hasSizeGreaterThanOrEqualTo(20)
                .contains(ProgressReported.class, ParticipantEnrolled.class);
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void everyConcreteEventClassShouldBeCatalogued(Class<? extends DomainEvent> eventClass) {
        assertThat(eventClass.isRecord()).as("%s is a record", eventClass).isTrue();
        assertThat(EventTypes.all()).contains(EventTypes.typeOf(eventClass));
        assertThat(EventTypes.classOf(EventTypes.typeOf(eventClass))).isEqualTo(eventClass);
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void typeConstantShouldBeTheCataloguedType(Class<? extends DomainEvent> eventClass) throws Exception {
        String constant = (String) eventClass.getField("TYPE").get(null);
        assertThat(EventTypes.typeOf(eventClass)).isEqualTo(constant);
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void typeDomainShouldMatchTheTopicOfTheClass(Class<? extends DomainEvent> eventClass) {
        String type = EventTypes.typeOf(eventClass);
        if (CampaignEvent.class.isAssignableFrom(eventClass) || PeriodEvent.class.isAssignableFrom(eventClass)
                || VocabularyEvent.class.isAssignableFrom(eventClass)) {
            assertThat(type).startsWith("org.alcance.campaign.");
        } else {
            assertThat(TrainingEvent.class).isAssignableFrom(eventClass);
            assertThat(type).startsWith("org.alcance.training.");
        }
    }

    @Test
    void typeConstantsShouldBeUnique() throws Exception {
        Set<String> seen = new HashSet<>();
        for (Class<? extends DomainEvent> eventClass : eventClasses()) {
            String constant = (String) eventClass.getField("TYPE").get(null);
            assertThat(seen.add(constant)).as("%s reuses type %s", eventClass.getSimpleName(), constant).isTrue();
        }
        assertThat(EventTypes.all()).hasSize(seen.size() + EventTypes.earlier().size());
    }

    @Test
    void sealedHierarchiesShouldListExactlyTheScannedClasses() {
        Set<Class<?>> permitted = new HashSet<>();
        List<Class<?>> open = new ArrayList<>(List.of(CampaignEvent.class, PeriodEvent.class, VocabularyEvent.class,
                TrainingEvent.class));
        while (!open.isEmpty()) {
            for (Class<?> permittedClass : open.remove(0).getPermittedSubclasses()) {
                if (permittedClass.isSealed()) {
                    open.add(permittedClass);
                } else {
                    permitted.add(permittedClass);
                }
            }
        }
        assertThat(permitted).containsExactlyInAnyOrderElementsOf(eventClasses());
    }

    @Test
    void shouldRejectAnUnknownTypeString() {
        assertThatThrownBy(() -> EventTypes.classOf("org.alcance.campaign.poster-printed.v1"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("org.alcance.campaign.poster-printed.v1");
        assertThatThrownBy(() -> EventTypes.classOf("org.alcance.campaign.progress-reported.v3"))
                .isInstanceOf(UnknownEventTypeException.class);
        assertThat(EventTypes.isKnown("ProgressReported")).isFalse();
    }

    record NotCatalogued(String aggregateId, String office) implements DomainEvent {
    }

    @Test
    void shouldRejectAClassMissingFromTheCatalogue() {
        assertThatThrownBy(() -> EventTypes.typeOf(new NotCatalogued("x", "GT")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("NotCatalogued");
    }

    @Test
    void shouldRouteEachDomainToItsTopic() {
        var codec = new EventCodec();
        DomainEvent progress = codec.read(ProgressReported.TYPE, GoldenSamples.bytes(ProgressReported.TYPE));
        DomainEvent enrolment = codec.read(ParticipantEnrolled.TYPE, GoldenSamples.bytes(ParticipantEnrolled.TYPE));
        DomainEvent approval = codec.read(PeriodStatusChanged.TYPE, GoldenSamples.bytes(PeriodStatusChanged.TYPE));
        assertThat(Topics.topicOf(progress)).isEqualTo(Topics.CAMPAIGN_EVENTS);
        assertThat(Topics.topicOf(approval)).isEqualTo(Topics.CAMPAIGN_EVENTS);
        assertThat(Topics.topicOf(enrolment)).isEqualTo(Topics.TRAINING_EVENTS);
        assertThatThrownBy(() -> Topics.topicOf(new NotCatalogued("x", "GT")))
                .isInstanceOf(UnknownEventTypeException.class);
    }
}
