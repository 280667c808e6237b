package io.earnorm.ra.backend;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void aSecretInsideAnotherWordOfAServerReplyIsLeftAlone() {
        assertThat(Secrets.scrub("WRONGPASS invalid username-password pair or user is disabled.", "WRONG"))
                .isEqualTo("WRONGPASS invalid username-password pair or user is disabled.");
        assertThat(Secrets.scrub("authentication failed (code 18, AuthenticationFailed)", "Failed")).doesNotContain("****");
    }

    @Test
    void aSecretStandingAsATokenIsMaskedWhereverItIs() {
        assertThat(Secrets.scrub("WRONG", "WRONG")).isEqualTo("****");
        assertThat(Secrets.scrub("redis://alice:WRONG@127.0.0.1:6379 said WRONGPASS; AUTH WRONG", "WRONG"))
                .isEqualTo("redis://alice:****@127.0.0.1:6379 said WRONGPASS; AUTH ****");
        assertThat(Secrets.scrub("password 's3cret' and \"s3cret\", s3cret.", "s3cret"))
                .isEqualTo("password '****' and \"****\", ****.");
    }

    @Test
    void aSecretThatBeginsOrEndsWithPunctuationIsMaskedEvenBesideLetters() {
        // The secret's own edge is no letter, so nothing tells where a longer word would begin: mask.
        assertThat(Secrets.scrub("key=x!pa$$!y", "!pa$$!")).isEqualTo("key=x****y");
        assertThat(Secrets.scrub("aa-bb-aa-bb", "-bb-")).isEqualTo("aa****aa-bb");
    }

    @Test
    void overlappingOccurrencesAreMaskedOnceAndTheTextIsOtherwiseKept() {
        assertThat(Secrets.scrub("aaa aa", "aa")).isEqualTo("aaa ****");
        assertThat(Secrets.scrub("nothing here", "secret")).isEqualTo("nothing here");
        assertThat(Secrets.scrub(null, "secret")).isNull();
        assertThat(Secrets.scrub("text", "")).isEqualTo("text");
    }

    @Test
    void masksUriPasswordsAndPasswordParameters() {
        assertThat(Secrets.mask("jdbc:postgresql://h/db?user=u&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=****&ssl=true");
        assertThat(Secrets.mask("mongodb://app:p@ss@h:27017/db")).isEqualTo("mongodb://app:****@h:27017/db");
    }
}
