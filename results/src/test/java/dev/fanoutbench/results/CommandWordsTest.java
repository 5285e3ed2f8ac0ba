package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Options passed as one string are split the way the shell would have split them. */
class CommandWordsTest {

    @Test
    void quotedValuesStayWhole() {
        assertThat(CommandWords.split("-p delayMs=100 -jvmArgsAppend '-Xmx1g -Dx=a b' \"-Dy=c d\"  -f\t2"))
                .containsExactly("-p", "delayMs=100", "-jvmArgsAppend", "-Xmx1g -Dx=a b", "-Dy=c d", "-f", "2");
    }

    @Test
    void aBackslashEscapesAndEmptyQuotesAreAWord() {
        assertThat(CommandWords.split("a\\ b '' c")).containsExactly("a b", "", "c");
        assertThat(CommandWords.split("   ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsBadInput() {
        assertThatThrownBy(() -> CommandWords.split("-p 'delayMs=1"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unclosed single quote");
    }
}
