package dev.trawl.internal.discover;

import dev.trawl.crawl.FailureReason;
import dev.trawl.internal.discover.PercentEncoding.EncodeSet;
import dev.trawl.internal.text.ControlChars;
import java.util.ArrayList;
import java.util.List;

/**
 * The URL Standard's basic URL parser (section 4.4), its states for special schemes only, without
 * a state override: one instance parses one input. Written from the standard's text; the state
 * names are its own, so each step can be checked against it. It stops at the scheme when that is
 * neither http nor https.
 */
final class WebUrlParser {
    private static final int EOF = -1;

    private enum State {
        SCHEME_START, SCHEME, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, SPECIAL_AUTHORITY_SLASHES,
        SPECIAL_AUTHORITY_IGNORE_SLASHES, RELATIVE, RELATIVE_SLASH, AUTHORITY, HOST, PORT, PATH_START, PATH, QUERY, FRAGMENT
    }

    private final int[] input;
    private final WebUrl base;
    private State state = State.SCHEME_START;
    private int pointer;
    private final StringBuilder buffer = new StringBuilder();
    private boolean atSignSeen;
    private boolean insideBrackets;
    private boolean passwordTokenSeen;

    private String scheme;
    private final StringBuilder username = new StringBuilder();
    private final StringBuilder password = new StringBuilder();
    private String host;
    private int port = -1;
    private final List<String> path = new ArrayList<>();
    private StringBuilder query;
    private StringBuilder fragment;

    WebUrlParser(String text, WebUrl base) {
        this.input = preprocessed(text);
        this.base = base;
    }

    /**
     * The input's code points, a lone surrogate read as U+FFFD (as a browser's string is), without
     * leading and trailing C0 controls and spaces, and without any tab, line feed or carriage return.
     */
    private static int[] preprocessed(String text) {
        int[] cps = text.codePoints().map(c -> Character.isSurrogate((char) c) && c <= 0xFFFF ? 0xFFFD : c).toArray();
        int start = 0;
        int end = cps.length;
        while (start < end && cps[start] <= 0x20) {
            start++;
        }
        while (end > start && cps[end - 1] <= 0x20) {
            end--;
        }
        int[] out = new int[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            if (cps[i] != '\t' && cps[i] != '\n' && cps[i] != '\r') {
                out[n++] = cps[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    WebUrl parse() throws WebUrl.Invalid {
        while (true) {
            step(pointer < input.length ? input[pointer] : EOF);
            if (pointer >= input.length) {
                break;
            }
            pointer++;
        }
        return new WebUrl(scheme, username.toString(), password.toString(), host, port, path,
                query == null ? null : query.toString(), fragment == null ? null : fragment.toString());
    }

    private void step(int c) throws WebUrl.Invalid {
        switch (state) {
            case SCHEME_START -> {
                if (isAlpha(c)) {
                    buffer.append((char) Character.toLowerCase(c));
                    state = State.SCHEME;
                } else {
                    state = State.NO_SCHEME;
                    pointer--;
                }
            }
            case SCHEME -> scheme(c);
            case NO_SCHEME -> {
                if (base == null) {
                    throw new WebUrl.Invalid("not an absolute URL (no scheme such as http://)");
                }
                state = State.RELATIVE;
                pointer--;
            }
            case SPECIAL_RELATIVE_OR_AUTHORITY -> {
                if (c == '/' && next() == '/') {
                    state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                    pointer++;
                } else {
                    state = State.RELATIVE;
                    pointer--;
                }
            }
            case SPECIAL_AUTHORITY_SLASHES -> {
                state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                if (c == '/' && next() == '/') {
                    pointer++;
                } else {
                    pointer--;
                }
            }
            case SPECIAL_AUTHORITY_IGNORE_SLASHES -> {
                if (c != '/' && c != '\\') {
                    state = State.AUTHORITY;
                    pointer--;
                }
            }
            case RELATIVE -> relative(c);
            case RELATIVE_SLASH -> {
                if (c == '/' || c == '\\') {
                    state = State.SPECIAL_AUTHORITY_IGNORE_SLASHES;
                } else {
                    copyAuthority();
                    state = State.PATH;
                    pointer--;
                }
            }
            case AUTHORITY -> authority(c);
            case HOST -> host(c);
            case PORT -> port(c);
            case PATH_START -> {
                state = State.PATH;
                if (c != '/' && c != '\\') {
                    pointer--;
                }
            }
            case PATH -> path(c);
            case QUERY -> {
                if (c == '#') {
                    fragment = new StringBuilder();
                    state = State.FRAGMENT;
                } else if (c != EOF) {
                    PercentEncoding.append(query, c, EncodeSet.SPECIAL_QUERY);
                }
            }
            case FRAGMENT -> {
                if (c != EOF) {
                    PercentEncoding.append(fragment, c, EncodeSet.FRAGMENT);
                }
            }
        }
    }

    private void scheme(int c) throws WebUrl.Invalid {
        if (isAlpha(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
            buffer.append((char) Character.toLowerCase(c));
        } else if (c == ':') {
            scheme = buffer.toString();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new WebUrl.Invalid(FailureReason.UNSUPPORTED_SCHEME,
                        "unsupported scheme '" + ControlChars.shown(scheme) + "' (only http and https)");
            }
            buffer.setLength(0);
            state = base != null && base.scheme().equals(scheme) ? State.SPECIAL_RELATIVE_OR_AUTHORITY
                    : State.SPECIAL_AUTHORITY_SLASHES;
        } else {
            buffer.setLength(0);
            state = State.NO_SCHEME;
            pointer = -1;
        }
    }

    private void relative(int c) {
        scheme = base.scheme();
        if (c == '/' || c == '\\') {
            state = State.RELATIVE_SLASH;
            return;
        }
        copyAuthority();
        path.addAll(base.pathSegments());
        query = base.query() == null ? null : new StringBuilder(base.query());
        if (c == '?') {
            query = new StringBuilder();
            state = State.QUERY;
        } else if (c == '#') {
            fragment = new StringBuilder();
            state = State.FRAGMENT;
        } else if (c != EOF) {
            query = null;
            shortenPath();
            state = State.PATH;
            pointer--;
        }
    }

    private void copyAuthority() {
        username.append(base.username());
        password.append(base.password());
        host = base.host();
        port = base.port();
    }

    private void authority(int c) throws WebUrl.Invalid {
        if (c == '@') {
            if (atSignSeen) {
                buffer.insert(0, "%40");
            }
            atSignSeen = true;
            for (int cp : buffer.codePoints().toArray()) {
                if (cp == ':' && !passwordTokenSeen) {
                    passwordTokenSeen = true;
                    continue;
                }
                PercentEncoding.append(passwordTokenSeen ? password : username, cp, EncodeSet.USERINFO);
            }
            buffer.setLength(0);
        } else if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
            if (atSignSeen && buffer.isEmpty()) {
                throw new WebUrl.Invalid("user name or password but no host");
            }
            pointer -= buffer.codePointCount(0, buffer.length()) + 1;
            buffer.setLength(0);
            state = State.HOST;
        } else {
            buffer.appendCodePoint(c);
        }
    }

    private void host(int c) throws WebUrl.Invalid {
        if (c == ':' && !insideBrackets) {
            if (buffer.isEmpty()) {
                throw new WebUrl.Invalid("no host in URL");
            }
            host = WebHost.parse(buffer.toString());
            buffer.setLength(0);
            state = State.PORT;
        } else if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
            pointer--;
            if (buffer.isEmpty()) {
                throw new WebUrl.Invalid("no host in URL");
            }
            host = WebHost.parse(buffer.toString());
            buffer.setLength(0);
            state = State.PATH_START;
        } else {
            if (c == '[') {
                insideBrackets = true;
            } else if (c == ']') {
                insideBrackets = false;
            }
            buffer.appendCodePoint(c);
        }
    }

    private void port(int c) throws WebUrl.Invalid {
        if (c >= '0' && c <= '9') {
            buffer.append((char) c);
        } else if (c == EOF || c == '/' || c == '?' || c == '#' || c == '\\') {
            if (!buffer.isEmpty()) {
                String digits = buffer.toString().replaceFirst("^0+(?=.)", "");
                if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
                    throw new WebUrl.Invalid("port " + ControlChars.shown(digits) + " is out of range (0 to 65535)");
                }
                int p = Integer.parseInt(digits);
                port = p == defaultPort(scheme) ? -1 : p;
                buffer.setLength(0);
            }
            state = State.PATH_START;
            pointer--;
        } else {
            StringBuilder written = new StringBuilder(buffer);
            for (int i = pointer; i < input.length && "/?#\\".indexOf(input[i]) < 0; i++) {
                written.appendCodePoint(input[i]);
            }
            throw new WebUrl.Invalid("port '" + ControlChars.shown(written.toString()) + "' is not a number");
        }
    }

    private void path(int c) {
        if (c == EOF || c == '/' || c == '\\' || c == '?' || c == '#') {
            String segment = buffer.toString();
            boolean slash = c == '/' || c == '\\';
            if (isDoubleDot(segment)) {
                shortenPath();
                if (!slash) {
                    path.add("");
                }
            } else if (isSingleDot(segment)) {
                if (!slash) {
                    path.add("");
                }
            } else {
                path.add(segment);
            }
            buffer.setLength(0);
            if (c == '?') {
                query = new StringBuilder();
                state = State.QUERY;
            } else if (c == '#') {
                fragment = new StringBuilder();
                state = State.FRAGMENT;
            }
        } else {
            PercentEncoding.append(buffer, c, EncodeSet.PATH);
        }
    }

    private void shortenPath() {
        if (!path.isEmpty()) {
            path.removeLast();
        }
    }

    private static boolean isSingleDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "..", ".%2e", "%2e.", "%2e%2e" -> true;
            default -> false;
        };
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private int next() {
        return pointer + 1 < input.length ? input[pointer + 1] : EOF;
    }

    private static boolean isAlpha(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
