package dev.fanoutbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line given as one string ({@code -Dbench.jmh="-p delayMs=100 -jvmArgsAppend '-Xmx1g -Dx=a b'"})
 * into words as a POSIX shell would: spaces separate, single quotes keep everything, double quotes
 * keep spaces, a backslash escapes the next character.
 */
public final class CommandWords {

    private CommandWords() {}

    /** @throws BadInputException naming an unclosed quote */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length() && quote != '\'') {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new BadInputException("unclosed " + (quote == '"' ? "double" : "single") + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
