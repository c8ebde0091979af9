package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.CommandGuess;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;

import java.util.Set;

/**
 * The boundary every host parser shares: cleans the text, turns an empty file, a pasted command line that
 * ran another command, or a "command not found" into NOT_APPLICABLE, and any failure inside the parser into
 * MALFORMED. A parser never throws and never returns a value the text does not hold.
 */
public abstract class ProbeParser implements HostParser {

    /** The probe key {@link CommandGuess} knows this parser's command by (e.g. {@code df}). */
    protected abstract String key();

    /** The command words that may appear on a pasted command line for this probe (e.g. {@code df}). */
    protected abstract Set<String> commandWords();

    /** How the expected content is named in messages, e.g. "`df -hP` output". */
    protected abstract String expected();

    /** Reads a non-empty, cleaned file. May throw {@link Malformed} to give up with a line and a reason. */
    protected abstract ParseResult read(HostFile file, ProbeText text);

    @Override
    public final ParseResult parse(HostFile file) {
        try {
            ProbeText text = ProbeText.of(file.text());
            if (text.isBlank()) {
                return text.prompts().isEmpty()
                        ? ParseResult.notApplicable(file, null, "the file is empty; expected " + expected())
                        : promptOnly(file, text);
            }
            ProbeText.Line otherPrompt = otherCommandOnPrompt(text);
            if (otherPrompt != null) {
                return ParseResult.notApplicable(file, otherPrompt.number(), "the pasted command line runs `"
                        + ProbeText.quote(otherPrompt.text()) + "`, not what " + file.name() + " holds ("
                        + expected() + ")");
            }
            ProbeText.Line missing = CommandGuess.commandMissing(text);
            if (missing != null) {
                return ParseResult.notApplicable(file, missing.number(), "the command did not run: "
                        + ProbeText.quote(missing.text()));
            }
            return read(file, text);
        } catch (Malformed m) {
            return ParseResult.malformed(file, m.line(), m.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug or a value the model refuses: the file cannot be trusted, so nothing of it is used
            return ParseResult.malformed(file, null, "could not be read as " + expected() + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + ProbeText.quote(e.getMessage())) + ")");
        }
    }

    /** The file's last line, which has no line break and was not understood: the paste stops in the middle of it. */
    protected static ParseResult.Incomplete cutAt(ProbeText.Line l) {
        return new ParseResult.Incomplete(l.number(), "the file ends in the middle of this line: \""
                + ProbeText.quote(l.text()) + "\"");
    }

    /** A pasted command line running another command, when no pasted command line runs this one. */
    private ProbeText.Line otherCommandOnPrompt(ProbeText text) {
        ProbeText.Line other = null;
        for (ProbeText.Line p : text.prompts()) {
            Set<String> words = ProbeText.commandWordsOf(p.text());
            if (words.isEmpty()) {
                continue;
            }
            if (words.stream().anyMatch(commandWords()::contains)) {
                return null;
            }
            if (other == null) {
                other = p;
            }
        }
        return other;
    }

    /** A file holding only a pasted command line: no output. Not applicable unless no output is an answer. */
    protected ParseResult promptOnly(HostFile file, ProbeText text) {
        return ParseResult.notApplicable(file, text.prompts().get(0).number(),
                "the file holds only a command line, no output; expected " + expected());
    }

    /**
     * The outcome for text that is not this command's output: NOT_APPLICABLE naming the command it looks like,
     * else MALFORMED at {@code at} saying what was expected.
     */
    protected ParseResult notOurs(HostFile file, ProbeText text, ProbeText.Line at, String expectation) {
        String guess = CommandGuess.guess(text, key());
        ProbeText.Line first = text.first();
        if (guess != null) {
            return ParseResult.notApplicable(file, first == null ? null : first.number(),
                    "looks like the output of " + guess + ", not " + expected());
        }
        ProbeText.Line where = at != null ? at : first;
        return ParseResult.malformed(file, where == null ? null : where.number(), "expected " + expectation
                + (where == null ? "" : ", found \"" + ProbeText.quote(where.text()) + "\""));
    }
}
