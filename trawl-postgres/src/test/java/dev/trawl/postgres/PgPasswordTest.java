package dev.trawl.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password that is not in the URL comes from where libpq looks: PGPASSWORD, then the password file. */
class PgPasswordTest {
    @TempDir
    Path dir;

    @Test
    void theUrlsOwnPasswordWins() {
        PostgresUrl url = PostgresUrl.parse("postgresql://ann:secret@db.example:6432/shop");
        assertEquals("secret", PgPassword.find(url, Map.of("PGPASSWORD", "other"), dir));
        assertNull(PgPassword.find(PostgresUrl.parse("jdbc:postgresql://db.example/shop?user=ann&password=q"), Map.of("PGPASSWORD", "x"), dir),
                "a password in the JDBC query is the driver's to read");
    }

    @Test
    void thenPgpasswordThenThePasswordFile() throws Exception {
        PostgresUrl url = PostgresUrl.parse("postgresql://ann@db.example:6432/shop");
        assertEquals("from-env", PgPassword.find(url, Map.of("PGPASSWORD", "from-env"), dir));
        Path file = Files.write(dir.resolve("pgpass"), List.of(
                "# comment",
                "other.example:*:*:ann:wrong-host",
                "db.example:6432:shop:bob:wrong-user",
                "db.example:6432:*:ann:p\\:w\\\\d",
                "*:*:*:*:fallback"));
        assertEquals("p:w\\d", PgPassword.find(url, Map.of("PGPASSFILE", file.toString()), dir));
        assertEquals("fallback", PgPassword.find(PostgresUrl.parse("jdbc:postgresql://elsewhere/x?user=zed"), Map.of("PGPASSFILE", file.toString()), dir));
        Files.copy(file, dir.resolve(".pgpass"));
        assertEquals("p:w\\d", PgPassword.find(url, Map.of(), dir), "~/.pgpass without PGPASSFILE");
        assertNull(PgPassword.find(url, Map.of("PGPASSFILE", dir.resolve("none").toString()), dir));
    }
}
