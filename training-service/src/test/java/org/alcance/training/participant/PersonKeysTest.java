package org.alcance.training.participant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonKeysTest {

    @Test
    void shouldMatchAnEmailTrimmedAndInLowerCase() {
        assertThat(PersonKeys.emailKey("AM", " Anahit.Petrosyan@Border.Example.AM "))
                .isEqualTo(PersonKeys.emailKey("AM", "anahit.petrosyan@border.example.am"));
        assertThat(PersonKeys.emailKey("AM", "anahit.petrosyan@border.example.am"))
                .isNotEqualTo(PersonKeys.emailKey("AM", "anahit.petrosian@border.example.am"));
    }

    @Test
    void shouldMatchAReferenceTrimmedButAsTheOfficeWroteIt() {
        assertThat(PersonKeys.referenceKey("AM", " BG-0042 ")).isEqualTo(PersonKeys.referenceKey("AM", "BG-0042"));
        assertThat(PersonKeys.referenceKey("AM", "bg-0042")).isNotEqualTo(PersonKeys.referenceKey("AM", "BG-0042"));
    }

    @Test
    void shouldKeepEachOfficesPeopleApartAndAReferenceApartFromAnEqualEmail() {
        assertThat(PersonKeys.emailKey("AM", "a@b.am")).isNotEqualTo(PersonKeys.emailKey("GT", "a@b.am"));
        assertThat(PersonKeys.referenceKey("AM", "BG-0042")).isNotEqualTo(PersonKeys.referenceKey("GT", "BG-0042"));
        assertThat(PersonKeys.referenceKey("AM", "a@b.am")).isNotEqualTo(PersonKeys.emailKey("AM", "a@b.am"));
    }

    @Test
    void shouldTryTheReferenceBeforeTheEmailAndNothingWithoutEither() {
        assertThat(PersonKeys.keys("AM", "BG-0042", "a@b.am"))
                .containsExactly(PersonKeys.referenceKey("AM", "BG-0042"), PersonKeys.emailKey("AM", "a@b.am"));
        assertThat(PersonKeys.keys("AM", null, "a@b.am")).containsExactly(PersonKeys.emailKey("AM", "a@b.am"));
        assertThat(PersonKeys.keys("AM", null, null)).isEmpty();
    }

    @Test
    void shouldHoldNeitherTheReferenceNorTheEmailInTheClear() {
        assertThat(PersonKeys.keys("AM", "BG-0042", "anahit@border.example.am"))
                .allSatisfy(key -> assertThat(key).startsWith("AM|").doesNotContain("BG-0042").doesNotContain("anahit"));
    }
}
