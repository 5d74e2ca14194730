package org.alcance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

    @Test
    void reachIsTheLatestPeopleOfTheUpdatesNotRetracted() {
        Ledger ledger = new Ledger(List.of("a", "b", "c"));
        ledger.reported("a", "a1", 3);
        ledger.reported("a", "a2", 5);
        ledger.reported("b", "b1", 7);
        Random random = new Random(1);
        List<Ledger.Claim> claims = List.of(ledger.claim(random).orElseThrow(), ledger.claim(random).orElseThrow(),
                ledger.claim(random).orElseThrow());
        Set<String> claimed = new HashSet<>();
        for (Ledger.Claim claim : claims) {
            claimed.add(claim.update());
            switch (claim.update()) {
                case "a1" -> ledger.corrected(claim, 10);
                case "a2" -> ledger.retracted(claim);
                default -> ledger.unsettled(claim.campaign());
            }
        }

        assertThat(claimed).containsExactlyInAnyOrder("a1", "a2", "b1");
        assertThat(ledger.reach()).isEqualTo(Map.of("a", 10L, "b", 7L, "c", 0L));
        assertThat(ledger.unsettled()).containsExactly("b");
    }

    @Test
    void anUpdateIsHandedOutAgainOnlyOnceItsChangeIsSettledAndNeverOnceRetracted() {
        Ledger ledger = new Ledger(List.of("a"));
        ledger.reported("a", "a1", 3);
        Random random = new Random(1);

        Ledger.Claim claim = ledger.claim(random).orElseThrow();
        assertThat(ledger.claim(random)).isEmpty();
        ledger.corrected(claim, 4);
        assertThat(ledger.claim(random)).contains(claim);
        ledger.retracted(claim);
        assertThat(ledger.claim(random)).isEmpty();
        assertThat(ledger.reach()).containsEntry("a", 0L);
    }
}
