package org.alcance.campaign;

import java.time.Clock;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.AggregateWriter;
import org.alcance.outbox.Outbox;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;

/**
 * The writer of one kind of aggregate, each change one conditional write with its events (see
 * {@link AggregateWriter}), whose refusals name {@code what} it writes: "Campaign cmp-1", "Reporting period GT/2002-Q3".
 */
public class AggregateStore<T extends Aggregate> extends AggregateWriter<T> {

    private final String what;

    public AggregateStore(Class<T> type, String collection, String what, ReactiveMongoTemplate mongo, Outbox outbox,
            Clock clock) {
        super(type, collection, mongo, outbox, clock);
        this.what = what;
    }

    @Override
    protected RuntimeException notFound(String id) {
        return Problem.notFound(what + " " + id);
    }

    @Override
    protected RuntimeException unavailable(String id, String why) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, what + " " + id + " cannot take this change now: " + why
                + "; retry later");
    }
}
