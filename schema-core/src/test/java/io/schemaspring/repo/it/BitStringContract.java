package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.it.fixtures.Signal;
import io.schemaspring.repo.it.fixtures.SignalPattern;
import io.schemaspring.type.BitString;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ecto's {@code :bitstring} on every database of {@link TestDatabase}, in a table created
 * by {@link DdlTable}: bits keep their length (trailing zeros included) in a column, an
 * array column and an embed, compare in queries and cast from changesets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BitStringContract {

    DdlTable table;

    Repo repo;

    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void createTable() {
        this.table = DdlTable.create(database(), Signal.class);
        this.repo = this.table.repo;
        this.jdbc = this.table.jdbc;
    }

    @AfterAll
    void dropTable() {
        if (this.table != null) {
            this.table.close();
        }
    }

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM signals");
    }

    @Test
    void storesBitsWithTheirLengthAndReadsThemBack() {
        Signal signal = new Signal();
        signal.flags = BitString.of("0100");
        signal.masks = List.of(BitString.of("1"), BitString.of("000"));
        signal.pattern = new SignalPattern();
        signal.pattern.bits = BitString.of("10");
        Signal inserted = this.repo.insert(signal);
        assertThat(this.jdbc.queryForObject("SELECT flags FROM signals WHERE id = ?", String.class, inserted.id))
            .isEqualTo("0100");
        Signal loaded = this.repo.get(Signal.class, inserted.id).orElseThrow();
        assertThat(loaded.flags).isEqualTo(BitString.of("0100")).isNotEqualTo(BitString.of("01"));
        assertThat(loaded.flags.length()).isEqualTo(4);
        assertThat(loaded.masks).containsExactly(BitString.of("1"), BitString.of("000"));
        assertThat(loaded.pattern.bits).isEqualTo(BitString.of("10"));
    }

    @Test
    void queriesCompareBitStrings() {
        Signal first = new Signal();
        first.flags = BitString.of("01");
        Signal second = new Signal();
        second.flags = BitString.of("010");
        this.repo.insert(first);
        Signal inserted = this.repo.insert(second);
        assertThat(this.repo.all(Query.from(Signal.class).where("flags", BitString.of("010"))))
            .extracting(signal -> signal.id)
            .containsExactly(inserted.id);
    }

    @Test
    void changesetsCastZerosAndOnesAndRefuseOtherText() {
        Changeset<Signal> changeset = Changeset.cast(new Signal(), Map.of("flags", "1010"), "flags");
        assertThat(changeset.valid()).isTrue();
        Signal inserted = this.repo.insert(changeset);
        assertThat(this.repo.get(Signal.class, inserted.id).orElseThrow().flags).isEqualTo(BitString.of("1010"));
        Changeset<Signal> invalid = Changeset.cast(new Signal(), Map.of("flags", "10a"), "flags");
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.errors())
            .containsExactly(new FieldError("flags", "is invalid", Map.of("type", ":bitstring", "validation", "cast")));
    }

}
