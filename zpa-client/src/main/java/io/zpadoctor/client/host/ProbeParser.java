package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.CommandGuess;
import io.zpadoctor.client.host.internal.Malformed;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.internal.SecretScrubber;

import java.util.Set;

/**
 * The boundary every host parser shares: cleans the text, turns an empty file, a pasted command line that
 * ran another command, or a "command not found" into NOT_APPLICABLE, and text the parser gives up on
 * ({@link Malformed}) into MALFORMED. Any other failure inside a parser is ZPA Doctor's defect, not the customer's
 * bad input: it is logged as such and becomes PARSER_ERROR, or, where {@value #FAIL_PROPERTY} (or the environment
 * variable {@value #FAIL_ENV}) is {@code fail}, as every test run sets it, an {@link AssertionError} that fails
 * whatever met it. A parser never returns a value the text does not hold.
 */
public abstract class ProbeParser implements HostParser {

    /** Set to {@code fail} to make a parser's defect throw instead of being reported (the test suites do). */
    public static final String FAIL_PROPERTY = "zpadoctor.parserErrors";
    /** The same switch for processes a test starts, which inherit its environment but not its properties. */
    public static final String FAIL_ENV = "ZPA_DOCTOR_PARSER_ERRORS";

    private static final System.Logger LOG = System.getLogger(ProbeParser.class.getName());

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
            // the parser's defect (or a value it built that the model refuses): nothing of the file can be trusted
            // the message may quote the file, so it is scrubbed like every output; the log gets frames, not the text
            String what = SecretScrubber.scrub(getClass().getSimpleName() + " failed on " + file.host() + "/"
                    + file.name() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + ProbeText.quote(e.getMessage())), "REDACTED");
            if (failOnDefect()) {
                throw new AssertionError("parser defect (" + FAIL_PROPERTY + "=fail): " + what, e);
            }
            LOG.log(System.Logger.Level.ERROR, () -> "parser defect, please report it: " + what + " at "
                    + java.util.Arrays.stream(e.getStackTrace()).limit(6).map(StackTraceElement::toString)
                            .collect(java.util.stream.Collectors.joining(" < ")));
            return ParseResult.parserError(file, what);
        }
    }

    private static boolean failOnDefect() {
        String p = System.getProperty(FAIL_PROPERTY);
        return "fail".equals(p != null ? p : System.getenv(FAIL_ENV));
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
