package org.alcance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What each campaign's reach must be, from the changes the campaign service acknowledged: the sum, over its
 * updates not retracted, of their latest people (one audience). It also hands out the update a correction or
 * retraction goes to, only one with no change in flight: the changes of one update are then settled in the
 * order they were sent, and none is refused for racing another (once retracted, an update refuses changes).
 */
final class Ledger {

    /** An update to change, and its campaign. */
    record Claim(String campaign, String update) {
    }

    private record Update(String campaign, long people) {
    }

    private final Map<String, Long> reach = new LinkedHashMap<>();
    /** Acknowledged and not retracted. */
    private final Map<String, Update> updates = new HashMap<>();
    /** Of those, the ones no change is in flight for. */
    private final List<String> idle = new ArrayList<>();
    private final Set<String> unsettled = new LinkedHashSet<>();

    Ledger(Collection<String> campaigns) {
        campaigns.forEach(campaign -> reach.put(campaign, 0L));
    }

    synchronized void reported(String campaign, String update, long people) {
        updates.put(update, new Update(campaign, people));
        reach.merge(campaign, people, Math::addExact);
        idle.add(update);
    }

    /** A random idle update, taken out of the idle ones until its change is settled; empty when none is idle. */
    synchronized Optional<Claim> claim(Random random) {
        if (idle.isEmpty()) {
            return Optional.empty();
        }
        int i = random.nextInt(idle.size());
        String update = idle.get(i);
        idle.set(i, idle.get(idle.size() - 1));
        idle.remove(idle.size() - 1);
        return Optional.of(new Claim(updates.get(update).campaign(), update));
    }

    synchronized void corrected(Claim claim, long people) {
        Update was = updates.put(claim.update(), new Update(claim.campaign(), people));
        reach.merge(claim.campaign(), people - was.people(), Math::addExact);
        idle.add(claim.update());
    }

    synchronized void retracted(Claim claim) {
        reach.merge(claim.campaign(), -updates.remove(claim.update()).people(), Math::addExact);
    }

    /**
     * A change whose outcome the client cannot know (refused, failed or timed out): its campaign's figure can
     * no longer be checked exactly, and a claimed update stays claimed.
     */
    synchronized void unsettled(String campaign) {
        unsettled.add(campaign);
    }

    /** Every campaign's expected reach, those with an unsettled change included. */
    synchronized Map<String, Long> reach() {
        return new LinkedHashMap<>(reach);
    }

    synchronized Set<String> unsettled() {
        return Set.copyOf(unsettled);
    }
}
