package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.Value;
import io.schemaspring.query.Value.Unit;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import io.schemaspring.repo.it.ecto.Usec;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code integration_test/cases/interval.exs} (elixir-ecto/ecto):
 * {@code date_add}, {@code datetime_add}, {@code ago} and {@code from_now} as
 * {@link Value}s, on every database of {@link TestDatabase}. Ecto's literal and pinned
 * amounts are the same Java values here; each test runs its amount as an int, a double
 * and a {@code BigDecimal}. Ecto's second-precision columns truncate; these columns keep
 * microseconds, so the millisecond and microsecond tests assert them.
 */
abstract class EctoIntervalContract extends EctoContract {

    private static final LocalDate POSTED = LocalDate.of(2014, 1, 1);

    private static final LocalDateTime INSERTED_AT = LocalDateTime.of(2014, 1, 1, 2, 0);

    record Day(LocalDate value) {
    }

    record Moment(LocalDateTime value) {
    }

    record UtcMoment(Instant value) {
    }

    @BeforeEach
    void insertPost() {
        Post post = new Post();
        post.posted = POSTED;
        this.repo.insert(post);
        this.jdbc.update("UPDATE ecto_posts SET inserted_at = ?", INSERTED_AT);
    }

    private List<LocalDate> dates(Value value) {
        return this.repo.all(Query.from(Post.class).select(Day.class, Selection.of(value).as("value")))
            .stream()
            .map(Day::value)
            .toList();
    }

    private List<LocalDateTime> datetimes(Class<?> schema, Value value) {
        return this.repo.all(Query.from(schema).select(Moment.class, Selection.of(value).as("value")))
            .stream()
            .map(Moment::value)
            .toList();
    }

    private List<LocalDateTime> datetimes(Value value) {
        return datetimes(Post.class, value);
    }

    private void assertDateAdd(Unit unit, int amount, LocalDate expected) {
        assertThat(dates(Value.dateAdd("posted", amount, unit))).containsExactly(expected);
        assertThat(dates(Value.dateAdd("posted", (double) amount, unit))).containsExactly(expected);
        assertThat(dates(Value.dateAdd("posted", BigDecimal.valueOf(amount), unit))).containsExactly(expected);
    }

    private void assertDatetimeAdd(Unit unit, int amount, LocalDateTime expected) {
        assertThat(datetimes(Value.datetimeAdd("insertedAt", amount, unit))).containsExactly(expected);
        assertThat(datetimes(Value.datetimeAdd("insertedAt", (double) amount, unit))).containsExactly(expected);
        assertThat(datetimes(Value.datetimeAdd("insertedAt", BigDecimal.valueOf(amount), unit)))
            .containsExactly(expected);
    }

    /** Ecto: "date_add with year". */
    @Test
    void dateAddWithYear() {
        this.dataSource.reset();
        assertDateAdd(Unit.YEAR, 1, LocalDate.of(2015, 1, 1));
        String added = switch (database()) {
            case H2 -> "CAST(DATEADD(YEAR, ?, \"posted\") AS DATE)";
            case MARIADB -> "CAST(DATE_ADD(\"posted\", INTERVAL ? YEAR) AS DATE)";
            default -> "CAST(\"posted\" + CAST(? AS DOUBLE PRECISION) * INTERVAL '1 year' AS DATE)";
        };
        assertThat(this.dataSource.statements().get(0)).isEqualTo(sql("SELECT " + added + " FROM \"ecto_posts\""));
    }

    /** Ecto: "date_add with month". */
    @Test
    void dateAddWithMonth() {
        assertDateAdd(Unit.MONTH, 3, LocalDate.of(2014, 4, 1));
    }

    /** Ecto: "date_add with week". */
    @Test
    void dateAddWithWeek() {
        assertDateAdd(Unit.WEEK, 3, LocalDate.of(2014, 1, 22));
    }

    /** Ecto: "date_add with day". */
    @Test
    void dateAddWithDay() {
        assertDateAdd(Unit.DAY, 5, LocalDate.of(2014, 1, 6));
    }

    /** Ecto: "date_add with hour". */
    @Test
    void dateAddWithHour() {
        assertDateAdd(Unit.HOUR, 48, LocalDate.of(2014, 1, 3));
    }

    /** Ecto: "date_add with dynamic". */
    @Test
    void dateAddToABoundDate() {
        assertThat(dates(Value.dateAdd(Value.of(POSTED), 1, Unit.YEAR))).containsExactly(LocalDate.of(2015, 1, 1));
        assertThat(dates(Value.dateAdd(Value.of(POSTED), 3, Unit.MONTH))).containsExactly(LocalDate.of(2014, 4, 1));
        assertThat(dates(Value.dateAdd(Value.of(POSTED), 3, Unit.WEEK))).containsExactly(LocalDate.of(2014, 1, 22));
        assertThat(dates(Value.dateAdd(Value.of(POSTED), 5, Unit.DAY))).containsExactly(LocalDate.of(2014, 1, 6));
        assertThat(dates(Value.dateAdd(Value.of(POSTED), 48, Unit.HOUR))).containsExactly(LocalDate.of(2014, 1, 3));
    }

    /** Ecto: "date_add with negative interval". */
    @Test
    void dateAddWithNegativeInterval() {
        assertDateAdd(Unit.YEAR, -1, LocalDate.of(2013, 1, 1));
    }

    /** Ecto: "datetime_add with year". */
    @Test
    void datetimeAddWithYear() {
        assertDatetimeAdd(Unit.YEAR, 1, LocalDateTime.of(2015, 1, 1, 2, 0));
    }

    /** Ecto: "datetime_add with month". */
    @Test
    void datetimeAddWithMonth() {
        assertDatetimeAdd(Unit.MONTH, 3, LocalDateTime.of(2014, 4, 1, 2, 0));
    }

    /** Ecto: "datetime_add with week". */
    @Test
    void datetimeAddWithWeek() {
        assertDatetimeAdd(Unit.WEEK, 3, LocalDateTime.of(2014, 1, 22, 2, 0));
    }

    /** Ecto: "datetime_add with day". */
    @Test
    void datetimeAddWithDay() {
        assertDatetimeAdd(Unit.DAY, 5, LocalDateTime.of(2014, 1, 6, 2, 0));
    }

    /** Ecto: "datetime_add with hour". */
    @Test
    void datetimeAddWithHour() {
        assertDatetimeAdd(Unit.HOUR, 60, LocalDateTime.of(2014, 1, 3, 14, 0));
    }

    /** Ecto: "datetime_add with minute". */
    @Test
    void datetimeAddWithMinute() {
        assertDatetimeAdd(Unit.MINUTE, 90, LocalDateTime.of(2014, 1, 1, 3, 30));
    }

    /** Ecto: "datetime_add with second". */
    @Test
    void datetimeAddWithSecond() {
        assertDatetimeAdd(Unit.SECOND, 90, LocalDateTime.of(2014, 1, 1, 2, 1, 30));
    }

    /** Ecto: "datetime_add with millisecond". */
    @Test
    void datetimeAddWithMillisecond() {
        assertDatetimeAdd(Unit.MILLISECOND, 1500, LocalDateTime.of(2014, 1, 1, 2, 0, 1, 500_000_000));
    }

    /** Ecto: "datetime_add with microsecond". */
    @Test
    void datetimeAddWithMicrosecond() {
        assertDatetimeAdd(Unit.MICROSECOND, 1500, LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_500_000));
    }

    /** Ecto: "datetime_add with dynamic". */
    @Test
    void datetimeAddToABoundTimestamp() {
        Value at = Value.of(INSERTED_AT);
        assertThat(datetimes(Value.datetimeAdd(at, 1, Unit.YEAR))).containsExactly(LocalDateTime.of(2015, 1, 1, 2, 0));
        assertThat(datetimes(Value.datetimeAdd(at, 3, Unit.MONTH))).containsExactly(LocalDateTime.of(2014, 4, 1, 2, 0));
        assertThat(datetimes(Value.datetimeAdd(at, 3, Unit.WEEK))).containsExactly(LocalDateTime.of(2014, 1, 22, 2, 0));
        assertThat(datetimes(Value.datetimeAdd(at, 5, Unit.DAY))).containsExactly(LocalDateTime.of(2014, 1, 6, 2, 0));
        assertThat(datetimes(Value.datetimeAdd(at, 60, Unit.HOUR)))
            .containsExactly(LocalDateTime.of(2014, 1, 3, 14, 0));
        assertThat(datetimes(Value.datetimeAdd(at, 90, Unit.MINUTE)))
            .containsExactly(LocalDateTime.of(2014, 1, 1, 3, 30));
        assertThat(datetimes(Value.datetimeAdd(at, 90, Unit.SECOND)))
            .containsExactly(LocalDateTime.of(2014, 1, 1, 2, 1, 30));
    }

    /** Ecto: "datetime_add with dynamic in filters". */
    @Test
    void datetimeAddInConditions() {
        Value at = Value.of(INSERTED_AT);
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare("insertedAt", Query.Op.GT, Value.datetimeAdd(at, -1, Unit.YEAR))))).hasSize(1);
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare("insertedAt", Query.Op.GT, Value.datetimeAdd(at, -3, Unit.MONTH))))).hasSize(1);
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare("insertedAt", Query.Op.GT, Value.datetimeAdd(at, -3, Unit.WEEK))))).hasSize(1);
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare("insertedAt", Query.Op.GT, Value.datetimeAdd(at, 5, Unit.DAY))))).isEmpty();
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare(Value.datetimeAdd("insertedAt", 1, Unit.DAY), Query.Op.LT,
                    LocalDateTime.of(2014, 1, 2, 3, 0)))))
            .hasSize(1);
    }

    /** Ecto: "datetime_add with negative interval". */
    @Test
    void datetimeAddWithNegativeInterval() {
        assertDatetimeAdd(Unit.YEAR, -1, LocalDateTime.of(2013, 1, 1, 2, 0));
    }

    /** Ecto: "from_now". */
    @Test
    void fromNowCountsFromTheDatabasesUtcTime() {
        int current = LocalDateTime.now(ZoneOffset.UTC).getYear();
        assertThat(datetimes(Value.fromNow(5, Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isGreaterThan(current));
        assertThat(datetimes(Value.fromNow(5.0, Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isGreaterThan(current));
        assertThat(datetimes(Value.fromNow(BigDecimal.valueOf(5), Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isGreaterThan(current));
    }

    /** Ecto: "ago". */
    @Test
    void agoCountsBackFromTheDatabasesUtcTime() {
        int current = LocalDateTime.now(ZoneOffset.UTC).getYear();
        assertThat(datetimes(Value.ago(5, Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isLessThan(current));
        assertThat(datetimes(Value.ago(5.0, Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isLessThan(current));
        assertThat(datetimes(Value.ago(BigDecimal.valueOf(5), Unit.YEAR))).singleElement()
            .satisfies(at -> assertThat(at.getYear()).isLessThan(current));
        assertThat(this.repo
            .all(Query.from(Post.class).where(Expr.compare("insertedAt", Query.Op.GT, Value.ago(1, Unit.DAY)))))
            .isEmpty();
        assertThat(this.repo
            .all(Query.from(Post.class).where(Expr.compare("insertedAt", Query.Op.LT, Value.ago(1, Unit.DAY)))))
            .hasSize(1);
    }

    /** Ecto: "datetime_add with utc_datetime": an {@code Instant} field stays one. */
    @Test
    void datetimeAddToAUtcDatetime() {
        User user = new User();
        user.insertedAt = INSERTED_AT.toInstant(ZoneOffset.UTC);
        this.repo.insert(user);
        this.jdbc.update("UPDATE ecto_users SET inserted_at = ?", INSERTED_AT);
        Instant expected = LocalDateTime.of(2015, 1, 1, 2, 0).toInstant(ZoneOffset.UTC);
        for (Number amount : List.<Number>of(1, 1.0, BigDecimal.ONE)) {
            assertThat(this.repo.all(Query.from(User.class)
                .select(UtcMoment.class, Selection.of(Value.datetimeAdd("insertedAt", amount, Unit.YEAR)).as("value"))))
                .extracting(UtcMoment::value)
                .containsExactly(expected);
        }
    }

    /**
     * Ecto: "datetime_add with naive_datetime_usec", "datetime_add with
     * naive_datetime_usec and decimal increment", "datetime_add with utc_datetime_usec",
     * "datetime_add uses utc_datetime_usec with decimal increment".
     */
    @Test
    void datetimeAddKeepsMicroseconds() {
        Usec usec = new Usec();
        usec.naiveDatetimeUsec = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_000);
        usec.utcDatetimeUsec = usec.naiveDatetimeUsec.toInstant(ZoneOffset.UTC);
        this.repo.insert(usec);
        LocalDateTime expected = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_501_000);
        for (Number amount : List.<Number>of(1500, 1500.0, BigDecimal.valueOf(1500))) {
            assertThat(datetimes(Usec.class, Value.datetimeAdd("naiveDatetimeUsec", amount, Unit.MICROSECOND)))
                .containsExactly(expected);
            assertThat(this.repo.all(Query.from(Usec.class)
                .select(UtcMoment.class,
                        Selection.of(Value.datetimeAdd("utcDatetimeUsec", amount, Unit.MICROSECOND)).as("value"))))
                .extracting(UtcMoment::value)
                .containsExactly(expected.toInstant(ZoneOffset.UTC));
        }
        assertThat(datetimes(Usec.class, Value.datetimeAdd(Value.of(expected), 0, Unit.MICROSECOND)))
            .containsExactly(expected);
    }

    /**
     * Ecto: "datetime_add with utc_datetime_usec in milliseconds", "datetime_add uses
     * utc_datetime_usec with decimal increment in milliseconds", "datetime_add with
     * naive_datetime_usec in milliseconds", "datetime_add with naive_datetime_usec and
     * decimal increment in milliseconds".
     */
    @Test
    void datetimeAddInMillisecondsKeepsMicroseconds() {
        Usec usec = new Usec();
        usec.naiveDatetimeUsec = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 1_000_000);
        usec.utcDatetimeUsec = usec.naiveDatetimeUsec.toInstant(ZoneOffset.UTC);
        this.repo.insert(usec);
        LocalDateTime expected = LocalDateTime.of(2014, 1, 1, 2, 0, 0, 151_000_000);
        for (Number amount : List.<Number>of(150, 150.0, BigDecimal.valueOf(150))) {
            assertThat(datetimes(Usec.class, Value.datetimeAdd("naiveDatetimeUsec", amount, Unit.MILLISECOND)))
                .containsExactly(expected);
            assertThat(this.repo.all(Query.from(Usec.class)
                .select(UtcMoment.class,
                        Selection.of(Value.datetimeAdd("utcDatetimeUsec", amount, Unit.MILLISECOND)).as("value"))))
                .extracting(UtcMoment::value)
                .containsExactly(expected.toInstant(ZoneOffset.UTC));
        }
    }

    /** A fractional amount counts in the largest unit that makes it whole. */
    @Test
    void aFractionalAmountCountsInASmallerUnit() {
        assertThat(datetimes(Value.datetimeAdd("insertedAt", 1.5, Unit.DAY)))
            .containsExactly(LocalDateTime.of(2014, 1, 2, 14, 0));
        assertThat(datetimes(Value.datetimeAdd("insertedAt", new BigDecimal("0.25"), Unit.YEAR)))
            .containsExactly(LocalDateTime.of(2014, 4, 1, 2, 0));
        assertThatThrownBy(() -> datetimes(Value.datetimeAdd("insertedAt", 1.5, Unit.MONTH)))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("an interval of 1.5 months has no whole count of months: give a whole number");
    }

    /** Ecto's {@code coalesce}: the first value that is not null. */
    @Test
    void coalesceAnswersTheFirstValueThatIsNotNull() {
        this.jdbc.update("UPDATE ecto_posts SET title = NULL");
        record Title(String value) {
        }
        assertThat(this.repo.all(Query.from(Post.class)
            .select(Title.class, Selection.of(Value.coalesce(Value.field("title"), Value.of("untitled"))).as("value"))))
            .containsExactly(new Title("untitled"));
        assertThat(this.repo.all(Query.from(Post.class)
            .where(Expr.compare(Value.coalesce(Value.field("title"), Value.of("x")), Query.Op.EQ, "x")))).hasSize(1);
    }

    @Test
    void intervalsAreRefusedBeforeAnySqlWhereTheyCannotBeBuilt() {
        assertThatThrownBy(() -> Value.dateAdd(Value.of(INSERTED_AT), 1, Unit.DAY))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("dateAdd takes a LocalDate, not LocalDateTime 2014-01-01T02:00");
        assertThatThrownBy(() -> Value.coalesce(Value.field("title")))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("coalesce takes at least two values, got 1");
        assertThatThrownBy(
                () -> Value.datetimeAdd("insertedAt", new java.util.concurrent.atomic.AtomicLong(1), Unit.DAY))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("an interval amount is an integer, a double or a BigDecimal, not "
                    + "java.util.concurrent.atomic.AtomicLong");
    }

}
