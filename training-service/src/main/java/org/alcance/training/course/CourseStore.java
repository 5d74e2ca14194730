package org.alcance.training.course;

import java.time.Clock;
import org.alcance.outbox.AggregateWriter;
import org.alcance.outbox.Outbox;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Every change to a course, its enrolments and attendance included, goes through here (see {@link AggregateWriter}). */
@Component
public class CourseStore extends AggregateWriter<Course> {

    CourseStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        super(Course.class, "courses", mongo, outbox, clock);
    }

    @Override
    protected RuntimeException notFound(String id) {
        return Problem.notFound("Course " + id);
    }

    @Override
    protected RuntimeException unavailable(String id, String why) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Course " + id + " cannot take this change now: " + why
                + "; retry later");
    }
}
