package io.schemaspring.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementCacheTest {

    @Test
    void aTenantNamedNullDoesNotShareTheDefaultSchemasStatements() {
        StatementCache cache = new StatementCache(16);
        assertThat(cache.get(String.class, null, "insert", List.of(), () -> "INSERT INTO \"posts\""))
            .isEqualTo("INSERT INTO \"posts\"");
        assertThat(cache.get(String.class, "null", "insert", List.of(), () -> "INSERT INTO \"null\".\"posts\""))
            .isEqualTo("INSERT INTO \"null\".\"posts\"");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void rendersAShapeOnceAndAnswersItAfterwards() {
        StatementCache cache = new StatementCache(16);
        cache.get(String.class, "acme", "update", List.of("title"), () -> "first");
        assertThat(cache.get(String.class, "acme", "update", List.of("title"), () -> "second")).isEqualTo("first");
        assertThat(cache.get(String.class, "acme", "update", List.of("body"), () -> "third")).isEqualTo("third");
    }

    @Test
    void staysWithinItsCapacityHoweverManyTenants() {
        StatementCache cache = new StatementCache(100);
        for (int tenant = 0; tenant < 1000; tenant++) {
            String prefix = "tenant_" + tenant;
            cache.get(String.class, prefix, "get", "", () -> "SELECT FROM " + prefix);
        }
        assertThat(cache.capacity()).isEqualTo(100);
        assertThat(cache.size()).isEqualTo(100);
    }

}
