package io.schemaspring.repo;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class UniqueKeysTest {

    @Schema("keyed")
    static class Keyed {

        public Long id;

    }

    @Schema("uniquely")
    static class Uniquely {

        @PrimaryKey
        public Long code;

        @PrimaryKey
        public String region;

    }

    @Schema("keyless")
    static class Keyless {

        public Long id;

    }

    @Test
    void aKeyIsEnforcedByAPrimaryKeyOrAUniqueIndexOnSomeOfItsColumnsOnly() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:unique_keys", true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE keyed (id BIGINT PRIMARY KEY)");
        jdbc.execute(
                "CREATE TABLE uniquely (code BIGINT, region VARCHAR(10), CONSTRAINT uniquely_code_index UNIQUE (code))");
        jdbc.execute("CREATE TABLE keyless (id BIGINT)");
        UniqueKeys keys = new UniqueKeys(jdbc);
        assertThat(keys.enforced(SchemaRegistry.standalone(Keyed.class), null)).isTrue();
        assertThat(keys.enforced(SchemaRegistry.standalone(Uniquely.class), null)).isTrue();
        assertThat(keys.enforced(SchemaRegistry.standalone(Keyless.class), null)).isFalse();
        dataSource.destroy();
    }

}
