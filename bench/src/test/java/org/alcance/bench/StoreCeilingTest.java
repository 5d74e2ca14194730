package org.alcance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreCeilingTest {

    @Test
    void theDocumentIsAboutTheSizeOfAStoredProgressUpdate() {
        assertThat(StoreCeiling.documentBytes()).isBetween(1_200, 1_700);
    }
}
