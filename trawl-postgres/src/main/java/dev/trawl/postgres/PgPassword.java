package dev.trawl.postgres;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a store's password comes from when the URL has none, as libpq looks for it, so that it
 * need never be on a command line (where {@code ps} shows it): {@code PGPASSWORD}, else the first
 * matching line of {@code PGPASSFILE} (else {@code ~/.pgpass}): {@code host:port:database:user:password},
 * {@code *} matching anything, {@code \:} and {@code \\} escaped. The user is the URL's, else
 * {@code PGUSER}, else the OS user, as libpq does.
 */
final class PgPassword {
    private PgPassword() {}

    /** The password for {@code url}, or null when none is found (the driver then takes it from the URL's query, if there). */
    static String find(PostgresUrl url, Map<String, String> env, Path home) {
        if (url.password() != null || url.jdbcUrl().contains("password=")) {
            return url.password(); // given: the URL's query password, if any, the driver reads itself
        }
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) {
            return password;
        }
        Path file = env.get("PGPASSFILE") != null ? Path.of(env.get("PGPASSFILE")) : home == null ? null : home.resolve(".pgpass");
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.jdbcUrl().substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            return null;
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort());
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        String user = url.user() != null ? url.user() : queryUser(uri.getRawQuery());
        if (user == null) {
            user = env.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                List<String> f = fields(line);
                if (f.size() == 5 && matches(f.get(0), host) && matches(f.get(1), port) && matches(f.get(2), database)
                        && matches(f.get(3), user)) {
                    return f.get(4);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String queryUser(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("user=")) {
                return java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** A .pgpass line's fields; a comment or blank line has none. */
    static List<String> fields(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && out.size() < 4) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
