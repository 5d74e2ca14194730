package org.alcance.training.participant;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alcance.outbox.LocalWrites;
import org.alcance.outbox.OutboxEvent;
import org.alcance.training.course.Course;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Participants' documents, written as the local writes of their enrolment events: the newest state
 * is the one still waiting in the course's outbox, if any, else the stored one.
 */
@Component
class Participants {

    private final ReactiveMongoTemplate mongo;
    private final LocalWrites localWrites;

    Participants(ReactiveMongoTemplate mongo, LocalWrites localWrites) {
        this.mongo = mongo;
        this.localWrites = localWrites;
    }

    OutboxEvent.LocalWrite write(Participant participant) {
        return localWrites.of(Participant.COLLECTION, participant.id(), participant.revision(), participant);
    }

    /** Stores what the course's outbox says of the participant, if anything, as the relay would. */
    Mono<Participant> settle(Course course, String participantId) {
        return course.newestPendingWrite(participantId)
                .map(write -> localWrites.apply(write).then(stored(course, participantId)))
                .orElseGet(() -> stored(course, participantId));
    }

    Mono<Participant> latest(Course course, String participantId) {
        return course.newestPendingWrite(participantId).map(write -> Mono.just(localWrites.read(Participant.class, write)))
                .orElseGet(() -> stored(course, participantId));
    }

    Mono<Map<String, Participant>> latest(Course course, Collection<String> participantIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(participantIds).and("courseId").is(course.id())),
                        Participant.class)
                .collectMap(Participant::id, Function.identity())
                .map(stored -> participantIds.stream().map(id -> course.newestPendingWrite(id)
                                .map(write -> localWrites.read(Participant.class, write)).orElse(stored.get(id)))
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toMap(Participant::id, Function.identity())));
    }

    /** The course a participant is enrolled in. */
    Mono<Course> courseOf(String participantId) {
        return mongo.findOne(Query.query(Criteria.where("enrolments.participantId").is(participantId)), Course.class);
    }

    /** Replaces the participant unless it changed meanwhile; empty if it did. */
    Mono<Participant> replace(Participant current, Participant next) {
        Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("revision").is(current.revision()));
        return mongo.findAndReplace(unchanged, next);
    }

    private Mono<Participant> stored(Course course, String participantId) {
        return mongo.findById(participantId, Participant.class).filter(p -> p.courseId().equals(course.id()));
    }
}
