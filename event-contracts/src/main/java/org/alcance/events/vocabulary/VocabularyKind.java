package org.alcance.events.vocabulary;

import java.util.Arrays;
import java.util.Optional;
import org.alcance.events.training.OrganisationType;

/**
 * The kinds of the organisation's catalogue, each named in the API's paths by {@link #path()}. Organisation types
 * are the ones a participant's enrolment names ({@link OrganisationType}): the catalogue gives them labels only.
 */
public enum VocabularyKind {
    AUDIENCE("audiences"), CHANNEL("channels"), THEME("themes"), MATERIAL("materials"),
    ORGANISATION_TYPE("organisation-types");

    private final String path;

    VocabularyKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<VocabularyKind> ofPath(String path) {
        return Arrays.stream(values()).filter(kind -> kind.path.equals(path)).findFirst();
    }
}
