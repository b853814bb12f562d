package io.schemaspring.web;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.ReplaceRefusedException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.changeset.UnstorableValueException;
import io.schemaspring.changeset.FieldError;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.InvalidSortException;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.repo.dialect.ConstraintViolation;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.routing.ConnectionLoss;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers the starter's exceptions as {@code application/problem+json}: an invalid
 * changeset or schema binding 422 with {@code errors: {field: [messages]}}, a missing
 * struct 404, a stale one or an undeclared constraint 409, an unstorable value 422, an
 * unreadable body 400, 413 or 415; a value the database refused outside a changeset write
 * 422 (a data exception) or 409 (an integrity violation); a deadlock or serialization
 * failure 409 and an unreachable database 503, both with {@code Retry-After}. Database
 * messages and values never reach the response.
 * <p>
 * Ordered last, so the application's own advice for any of these (or a supertype) answers
 * first; binding errors of non-schema targets are rethrown, which Spring MVC treats as
 * "no handler here" and passes on to its default handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class SchemaProblemHandler {

    private static final Log logger = LogFactory.getLog(SchemaProblemHandler.class);

    /**
     * Data exceptions a client's value causes: too long, out of range, bad dates, bytes
     * or text for the type.
     */
    private static final java.util.Set<String> INPUT_STATES = java.util.Set.of("22001", "22003", "22007", "22008",
            "22021", "22P02", "22P05", "22018");

    /** Integrity violations stored data causes: a foreign key, a unique key. */
    private static final java.util.Set<String> CONFLICT_STATES = java.util.Set.of("23503", "23505", "23506");

    /**
     * MariaDB's codes under SQLState 23000: duplicate key, and a parent row missing or
     * still referenced.
     */
    private static final java.util.Set<Integer> MARIADB_CONFLICTS = java.util.Set.of(1062, 1451, 1452);

    private final SchemaRegistry registry;

    private final ChangesetMessages messages;

    private final @Nullable Dialect dialect;

    /**
     * Creates the handler over the application's registry, which tells the schema binding
     * targets from others, and its messages, through which field errors are resolved for
     * the request's locale.
     */
    public SchemaProblemHandler(SchemaRegistry registry, MessageSource messageSource) {
        this(registry, messageSource, null);
    }

    /**
     * As {@link #SchemaProblemHandler(SchemaRegistry, MessageSource)}, reading the
     * constraint a failed write violated through the repository's {@code dialect}, so
     * that a NOT NULL column left empty by a struct write is "can't be blank" on its
     * field.
     */
    public SchemaProblemHandler(SchemaRegistry registry, MessageSource messageSource, @Nullable Dialect dialect) {
        this.registry = registry;
        this.messages = new ChangesetMessages(messageSource);
        this.dialect = dialect;
    }

    /**
     * An invalid changeset given to the repository: 422 with its errors by field,
     * resolved through the application's messages.
     */
    @ExceptionHandler(InvalidChangesetException.class)
    public ResponseEntity<ProblemDetail> invalidChangeset(InvalidChangesetException ex) {
        Changeset<?> changeset = ex.changeset();
        Locale locale = LocaleContextHolder.getLocale();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields",
                this.messages.resolveAll(changeset.errors(), changeset.metadata().schemaClass(), locale));
    }

    /**
     * Binding errors of a schema-typed target: 422 with the errors by field, resolved as
     * a changeset's errors are. The errors of any other target are rethrown, for Spring
     * MVC's own handling.
     * @throws BindException {@code ex} itself, when its target is not a registered schema
     */
    @ExceptionHandler(BindException.class)
    public ResponseEntity<ProblemDetail> bindingFailed(BindException ex) throws BindException {
        Object target = ex.getTarget();
        if (target == null || !this.registry.contains(target.getClass())) {
            throw ex;
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Locale locale = LocaleContextHolder.getLocale();
        for (org.springframework.validation.FieldError error : ex.getFieldErrors()) {
            errors.computeIfAbsent(error.getField(), key -> new java.util.ArrayList<>())
                .add(this.messages.resolve(toChangesetError(error), target.getClass(), locale));
        }
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields", errors);
    }

    @SuppressWarnings("unchecked")
    private static io.schemaspring.changeset.FieldError toChangesetError(
            org.springframework.validation.FieldError error) {
        Map<String, Object> metadata = error.getArguments() != null && error.getArguments().length == 1
                && error.getArguments()[0] instanceof Map<?, ?> map ? (Map<String, Object>) map
                        : Map.of("validation", "cast");
        return new io.schemaspring.changeset.FieldError(error.getField(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage(), metadata);
    }

    /**
     * No struct with the id asked for, or none a {@code oneOrThrow} query matched, Ecto's
     * {@code Ecto.NoResultsError}: 404 naming the schema and the id.
     */
    @ExceptionHandler(NoResultsException.class)
    public ResponseEntity<ProblemDetail> notFound(NoResultsException ex) {
        String what = ex.schema().getSimpleName();
        return problem(HttpStatus.NOT_FOUND,
                ex.id() == null ? "No " + what + " found" : "No " + what + " with id " + ex.id(), null);
    }

    /**
     * A {@code Sort}, usually the client's {@code ?sort=}, naming a property the query
     * cannot order by: 400 with the reason under {@code errors.sort}.
     */
    @ExceptionHandler(InvalidSortException.class)
    public ResponseEntity<ProblemDetail> invalidSort(InvalidSortException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid sort", Map.of("sort", List.of(ex.getMessage())));
    }

    /**
     * A {@code @Cast} change refused for its {@code If-Match}: 412 when the struct
     * changed since the client read it, 428 when the tag is required and missing.
     */
    @ExceptionHandler(PreconditionException.class)
    public ResponseEntity<ProblemDetail> precondition(PreconditionException ex) {
        return problem(HttpStatus.valueOf(ex.status()), ex.getMessage(), null);
    }

    /**
     * An update or delete of a stale struct, Ecto's {@code Ecto.StaleEntryError}: 409,
     * asking the client to read the resource again and retry.
     */
    @ExceptionHandler(StaleEntryException.class)
    public ResponseEntity<ProblemDetail> stale(StaleEntryException ex) {
        return problem(HttpStatus.CONFLICT,
                "The resource was changed or deleted since it was read; read it again and retry", null);
    }

    /**
     * A changeset write that violated a constraint the changeset did not declare: 409.
     * The constraint is logged, never sent.
     */
    @ExceptionHandler(UndeclaredConstraintException.class)
    public ResponseEntity<ProblemDetail> conflict(UndeclaredConstraintException ex) {
        logger.warn(ex.getMessage());
        return problem(HttpStatus.CONFLICT, "The request conflicts with data already stored", null);
    }

    /**
     * A changeset write with a value the database cannot store and no field to name: 422.
     * The exception's message, which never holds the value, is logged.
     */
    @ExceptionHandler(UnstorableValueException.class)
    public ResponseEntity<ProblemDetail> unstorable(UnstorableValueException ex) {
        logger.warn(ex.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has a value the database cannot store", null);
    }

    /**
     * Casting that would replace the current entries of a relation whose
     * {@code onReplace} is {@code RAISE}: 422 with an error on the relation asking for
     * the ids of its current entries.
     */
    @ExceptionHandler(ReplaceRefusedException.class)
    public ResponseEntity<ProblemDetail> replaceRefused(ReplaceRefusedException ex) {
        logger.warn(ex.getMessage());
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields",
                Map.of(ex.relation(), List.of("cannot be replaced: send the ids of the current entries")));
    }

    /**
     * The database refused a value outside a changeset write, where no field can be
     * named: a data exception (SQLState class 22: bytes it cannot take, text it cannot
     * read as the column's type, a number out of range) is the request's input, 422; an
     * integrity violation (class 23: a foreign key a concurrent request broke, a
     * duplicate) conflicts with what is stored, 409. Anything else is rethrown to the
     * application's handling.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ProblemDetail> refusedByTheDatabase(DataIntegrityViolationException ex) {
        SQLException sql = sqlException(ex);
        String state = sql != null ? String.valueOf(sql.getSQLState()) : "";
        ConstraintViolation violation = sql == null || this.dialect == null ? null
                : this.dialect.constraints().read(sql);
        if (violation != null && violation.kind() == ConstraintViolation.Kind.NOT_NULL) {
            return blank(violation.name());
        }
        if (violation != null && violation.kind() == ConstraintViolation.Kind.CHECK) {
            logger.warn("A check constraint refused a value of a request (" + violation.name()
                    + "): write it through a " + "changeset declaring checkConstraint(field, \"" + violation.name()
                    + "\") to answer that " + "field's error");
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has a value the database refused", null);
        }
        if (INPUT_STATES.contains(state)) {
            logger.warn("The database refused a value of a request (SQLState " + state + ")");
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has a value the database cannot take", null);
        }
        if (CONFLICT_STATES.contains(state)
                || (state.equals("23000") && MARIADB_CONFLICTS.contains(sql.getErrorCode()))) {
            logger.warn(
                    "A request conflicts with stored data (SQLState " + state + "): " + ex.getClass().getSimpleName());
            return problem(HttpStatus.CONFLICT, "The request conflicts with data already stored", null);
        }
        throw ex;
    }

    /**
     * A NOT NULL column a write left empty: 422, "can't be blank" on the field stored in
     * it when the registry's schemas name one field for that column.
     */
    private ResponseEntity<ProblemDetail> blank(@Nullable String column) {
        logger.warn("A request left the NOT NULL column " + column + " empty: validate its field with "
                + "validateRequired on a changeset to answer before any SQL");
        Class<?> schema = null;
        java.util.Set<String> fields = new java.util.LinkedHashSet<>();
        for (SchemaMetadata metadata : column == null ? List.<SchemaMetadata>of() : this.registry.all()) {
            for (String field : metadata.embedded() ? List.<String>of() : metadata.fields()) {
                if (column.equalsIgnoreCase(metadata.fieldSource(field))) {
                    fields.add(field);
                    schema = schema == null ? metadata.schemaClass() : schema;
                }
            }
        }
        if (fields.size() != 1) {
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request leaves a required value empty", null);
        }
        FieldError error = new FieldError(fields.iterator().next(), "can't be blank", Map.of("validation", "required"));
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "The request has invalid fields",
                this.messages.resolveAll(List.of(error), schema, LocaleContextHolder.getLocale()));
    }

    private static @Nullable SQLException sqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
        }
        return null;
    }

    /**
     * A deadlock or a serialization failure (SQLState 40P01, 40001, a lock wait that gave
     * up): the request lost a race it can win when retried, and nothing of it was
     * written.
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    public ResponseEntity<ProblemDetail> collided(PessimisticLockingFailureException ex) {
        logger.warn("A request collided with a concurrent one and was rolled back: " + ex.getClass().getSimpleName());
        return retryable(HttpStatus.CONFLICT,
                "The request collided with a concurrent one and nothing was written; retry it");
    }

    /**
     * The database cannot be reached (no connection, the server shutting down, a commit
     * or rollback on a connection the network broke): 503, to be retried.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class })
    public ResponseEntity<ProblemDetail> unavailable(Exception ex) {
        logger.warn("The database is unavailable: " + ex.getClass().getSimpleName());
        return retryable(HttpStatus.SERVICE_UNAVAILABLE, "The database is unavailable; retry later");
    }

    /**
     * A commit or rollback on a connection the network broke (the rollback after a
     * statement lost its connection fails on the closed connection, and names that
     * statement's failure as its application exception): 503. Any other failure of the
     * transaction system is the application's.
     */
    @ExceptionHandler(TransactionSystemException.class)
    public ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException ex) {
        Throwable application = ex.getApplicationException();
        if (!ConnectionLoss.in(ex) && (application == null || !ConnectionLoss.in(application))) {
            throw ex;
        }
        return unavailable(ex);
    }

    private static ResponseEntity<ProblemDetail> retryable(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
            .header(HttpHeaders.RETRY_AFTER, "1")
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /**
     * Request parameters that cannot be read: the exception's status (400, 413 or 415),
     * with its message as the detail.
     */
    @ExceptionHandler(RequestParamsException.class)
    public ResponseEntity<ProblemDetail> unreadable(RequestParamsException ex) {
        return problem(HttpStatus.valueOf(ex.status()), ex.getMessage(), null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
            Map<String, List<String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
