package io.schemaspring.sample.web;

import io.schemaspring.query.Query;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import java.io.OutputStream;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every post as newline-delimited JSON, streamed from a database cursor: memory stays
 * constant however many posts there are. The cursor lives in a read-only transaction of
 * its own, since the body is written after the handler returns. A client that stops
 * reading holds it only until a write makes no progress for
 * {@code server.tomcat.connection-timeout}: the write fails, the stream ends and the
 * transaction and its connection are given back.
 */
@RestController
public class PostExportController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final SchemaRepository<Post, Long> posts;

    private final TransactionTemplate readOnly;

    private final JsonMapper json;

    public PostExportController(SchemaRepository<Post, Long> posts, PlatformTransactionManager transactions,
            JsonMapper json) {
        this.posts = posts;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** What a GET would answer, without reading the table. */
    @RequestMapping(path = "/api/posts/export", method = RequestMethod.HEAD)
    public ResponseEntity<Void> exportHead() {
        return ResponseEntity.ok().contentType(NDJSON).build();
    }

    @GetMapping("/api/posts/export")
    public ResponseEntity<StreamingResponseBody> export() {
        StreamingResponseBody body = out -> this.readOnly.executeWithoutResult(status -> write(out));
        return ResponseEntity.ok().contentType(NDJSON).body(body);
    }

    private void write(OutputStream out) {
        try (Stream<Post> all = this.posts.stream(Query.from(Post.class).orderBy("id"))) {
            all.forEach(post -> {
                try {
                    out.write(this.json.writeValueAsBytes(post));
                    out.write('\n');
                }
                catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
    }

}
