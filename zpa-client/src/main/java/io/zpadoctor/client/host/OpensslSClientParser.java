package io.zpadoctor.client.host;

import io.zpadoctor.client.host.internal.Sizes;
import io.zpadoctor.client.host.internal.DistinguishedNames;
import io.zpadoctor.client.host.internal.ProbeText;
import io.zpadoctor.model.host.CertificateOrigin;
import io.zpadoctor.model.host.TlsProbe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tls-broker.txt}: {@code openssl s_client -connect <broker-ip>:443 -servername <company>.com.server1.net
 * </dev/null 2>&1}, whole or reduced by {@code | grep subject}. Reads OpenSSL 1.0, 1.1 and 3.x layouts: the
 * {@code depth=} lines, {@code verify error:num=N:...}, the {@code Certificate chain} entries ({@code 0 s:...},
 * {@code i:...}, and 3.x's {@code a:}/{@code v:} lines), {@code subject=}/{@code issuer=}, {@code Verify return
 * code: N (text)}; and the failures: {@code connect:errno=110/111}, 3.x's {@code BIO_connect:Connection refused},
 * {@code write:errno=104} (reset during the handshake), {@code unexpected eof}, {@code no peer certificate
 * available}. One {@link TlsProbe} per file.
 *
 * <p>Origin: an issuer whose CN is {@code Zscaler Intermediate Root CA (...)} is ZIA's inspection CA; any other
 * issuer naming Zscaler (O or CN) is Zscaler; any other issuer is interception. Without an issuer (only
 * {@code subject=} was pasted) the subject's organisation decides, as the runbook's check does.
 */
public final class OpensslSClientParser extends ProbeParser {
    private static final Pattern CONNECTED = Pattern.compile("^CONNECTED\\(\\w+\\)$");
    private static final Pattern CONNECTING = Pattern.compile("^Connecting to (\\S+)$");
    private static final Pattern ERRNO = Pattern.compile("^connect:errno=(\\d+)$");
    private static final Pattern CONNECT_MSG = Pattern.compile("^connect: (.+)$");
    private static final Pattern BIO_CONNECT = Pattern.compile("BIO_connect:([^:]+)(?::|$)");
    private static final Pattern LOOKUP = Pattern.compile("(?:getaddrinfo|gethostbyname|BIO_lookup)[^:]*: ?(.*)$");
    private static final Pattern IO_ERRNO = Pattern.compile("^(write|read):errno=(\\d+)$");
    private static final Pattern DEPTH = Pattern.compile("^depth=(\\d+) (.*)$");
    private static final Pattern VERIFY_ERROR = Pattern.compile("^verify error:num=(\\d+):(.+)$");
    private static final Pattern CHAIN_S = Pattern.compile("^\\s*(\\d+) s:(.*)$");
    private static final Pattern CHAIN_I = Pattern.compile("^\\s*i:(.*)$");
    private static final Pattern SUBJECT = Pattern.compile("^(?:\\S\\s)?subject=\\s?(.+)$");
    private static final Pattern ISSUER = Pattern.compile("^issuer=\\s?(.+)$");
    private static final Pattern RETURN_CODE = Pattern.compile("^Verify return code: (\\d+) \\((.*)\\)$");
    private static final Pattern ZIA_CA = Pattern.compile("Zscaler Intermediate Root CA \\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONNECT_ARG = Pattern.compile("-connect\\s+(\\S+)");
    private static final Pattern SERVERNAME_ARG = Pattern.compile("-servername\\s+(\\S+)");

    @Override
    protected String key() {
        return "openssl";
    }

    @Override
    protected Set<String> commandWords() {
        return Set.of("openssl");
    }

    @Override
    protected String expected() {
        return "`openssl s_client -connect <broker-ip>:443` output";
    }

    @Override
    protected ParseResult read(HostFile file, ProbeText text) {
        Boolean connected = null;
        String connectError = null;
        String handshakeError = null;
        Boolean presented = null;
        String target = null;
        String subject = null;
        String issuer = null;
        String depth0 = null;
        List<String[]> chain = new ArrayList<>();
        Integer verifyCode = null;
        String verifyMessage = null;
        Integer firstLine = null;
        String command = text.promptWith("openssl");
        String serverName = null;
        if (command != null) {
            Matcher c = CONNECT_ARG.matcher(command);
            target = c.find() ? c.group(1) : null;
            Matcher s = SERVERNAME_ARG.matcher(command);
            serverName = s.find() ? s.group(1) : null;
        }
        boolean recognised = false;
        boolean summary = false;
        ParseResult.Incomplete cut = null;
        for (ProbeText.Line l : text.nonBlank()) {
            String t = l.trimmed();
            Matcher m;
            boolean known = true;
            if (text.mayBeCut(l) && !t.equals("DONE") && !t.equals("---") && !RETURN_CODE.matcher(t).matches()) {
                // a name cut in the middle ("O = Zscal") would read as another issuer: nothing is read from it
                cut = cutAt(l);
                break;
            }
            if (CONNECTED.matcher(t).matches()) {
                connected = true;
            } else if ((m = CONNECTING.matcher(t)).matches()) {
                target = target == null ? m.group(1) : target;
            } else if ((m = ERRNO.matcher(t)).matches()) {
                connected = false;
                connectError = connectError == null || connectError.equals("connect error")
                        ? "errno=" + m.group(1) + errnoText(m.group(1)) : connectError;
            } else if ((m = CONNECT_MSG.matcher(t)).matches()) {
                connected = false;
                connectError = m.group(1);
            } else if ((m = BIO_CONNECT.matcher(t)).find()) {
                connected = false;
                connectError = connectError == null || connectError.equals("connect error") ? m.group(1) : connectError;
            } else if ((m = LOOKUP.matcher(t)).find() && !t.startsWith("depth=")) {
                connected = false;
                connectError = "name lookup failed" + (m.group(1).isBlank() ? "" : ": " + m.group(1));
            } else if ((m = IO_ERRNO.matcher(t)).matches()) {
                handshakeError = handshakeError == null ? t + (m.group(2).equals("104") ? " (connection reset)" : "") : handshakeError;
            } else if (t.contains("unexpected eof while reading")) {
                handshakeError = handshakeError == null ? "unexpected eof while reading" : handshakeError;
            } else if (t.toLowerCase(Locale.ROOT).contains("alert handshake failure")) {
                handshakeError = handshakeError == null ? "handshake failure" : handshakeError;
            } else if (t.equals("no peer certificate available")) {
                presented = false;
            } else if ((m = DEPTH.matcher(t)).matches()) {
                if (m.group(1).equals("0")) {
                    depth0 = m.group(2);
                }
            } else if ((m = VERIFY_ERROR.matcher(t)).matches()) {
                if (verifyCode == null) {
                    verifyCode = Sizes.wholeInt(m.group(1));
                    verifyMessage = m.group(2).strip();
                }
            } else if ((m = CHAIN_S.matcher(l.text())).matches()) {
                chain.add(new String[] {m.group(2).strip(), null});
            } else if ((m = CHAIN_I.matcher(l.text())).matches() && !chain.isEmpty()) {
                chain.get(chain.size() - 1)[1] = m.group(1).strip();
            } else if ((m = SUBJECT.matcher(t)).matches()) {
                subject = subject == null ? m.group(1).strip() : subject;
            } else if ((m = ISSUER.matcher(t)).matches()) {
                issuer = issuer == null ? m.group(1).strip() : issuer;
            } else if ((m = RETURN_CODE.matcher(t)).matches()) {
                summary = true;
                verifyCode = Sizes.wholeInt(m.group(1));
                verifyMessage = m.group(2);
            } else {
                known = t.equals("Certificate chain") || t.equals("---") || t.equals("Server certificate")
                        || t.startsWith("verify return:") || t.startsWith("Verification") || t.startsWith("SSL handshake has read")
                        || t.startsWith("New, ") || t.startsWith("-----") || t.matches("^[av]:.*") || t.equals("DONE")
                        || t.startsWith("notAfter=") || t.startsWith("Can't use SSL_get_servername");
            }
            if (known && firstLine == null) {
                firstLine = l.number();
            }
            recognised |= known && !t.equals("---") && !t.equals("DONE");
        }
        if (!recognised) {
            if (cut != null) {
                return ParseResult.malformed(file, cut.line(), cut.detail());
            }
            return notOurs(file, text, text.first(), "`openssl s_client` output (`CONNECTED(...)`, `Certificate chain`, `subject=...`)");
        }
        if (subject == null && !chain.isEmpty()) {
            subject = chain.get(0)[0];
        }
        if (issuer == null && !chain.isEmpty()) {
            issuer = chain.get(0)[1];
        }
        if (subject == null) {
            subject = depth0;
        }
        if (subject != null || issuer != null) {
            presented = true;
            connected = connected == null ? Boolean.TRUE : connected;
        }
        if (cut == null && subject == null && issuer == null && !Boolean.FALSE.equals(connected) && handshakeError == null
                && !Boolean.FALSE.equals(presented) && !summary) {
            ProbeText.Line last = text.nonBlank().get(text.nonBlank().size() - 1);
            cut = new ParseResult.Incomplete(last.number(), "the output stops before the broker's certificate"
                    + " (no subject, issuer or certificate chain), so who issued it is unknown");
        }
        Map<String, String> s = DistinguishedNames.attributes(subject);
        Map<String, String> i = DistinguishedNames.attributes(issuer);
        String root = chain.isEmpty() ? null : chain.get(chain.size() - 1)[1];
        return ParseResult.parsedUnless(List.of(new TlsProbe(file.host(), file.path(), firstLine, target, serverName,
                connected, connectError, handshakeError, presented, subject, issuer, s.get("O"), s.get("CN"),
                i.get("O"), i.get("CN"), chain.isEmpty() ? null : chain.size(), root, verifyCode, verifyMessage,
                origin(s, i, subject, issuer))), file, cut);
    }

    static CertificateOrigin origin(Map<String, String> subject, Map<String, String> issuer, String subjectText,
                                    String issuerText) {
        if (issuerText != null) {
            String cn = issuer.getOrDefault("CN", "");
            if (ZIA_CA.matcher(cn).find()) {
                return CertificateOrigin.ZIA_INSPECTION;
            }
            return namesZscaler(issuer.get("O")) || namesZscaler(cn) ? CertificateOrigin.ZSCALER : CertificateOrigin.OTHER;
        }
        if (subjectText != null) {
            return namesZscaler(subject.get("O")) ? CertificateOrigin.ZSCALER : CertificateOrigin.OTHER;
        }
        return CertificateOrigin.UNKNOWN;
    }

    private static boolean namesZscaler(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains("zscaler");
    }

    private static String errnoText(String errno) {
        // Linux errno names, so a report reads "timed out" rather than a number
        return switch (errno) {
            case "110" -> " (Connection timed out)";
            case "111" -> " (Connection refused)";
            case "113" -> " (No route to host)";
            case "101" -> " (Network is unreachable)";
            case "104" -> " (Connection reset by peer)";
            default -> "";
        };
    }
}
