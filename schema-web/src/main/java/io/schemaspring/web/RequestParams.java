package io.schemaspring.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request parameters into the map a changeset casts: a JSON object body, or form
 * and query parameters ({@code String[]} values; {@code address[street]} and
 * {@code phones[0][number]} nest); without a body, the query parameters. Other bodies
 * (415), bodies over the size limit and nesting over the depth limit are refused.
 */
public final class RequestParams {

    private static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]]*)]");

    private static final Pattern FORM_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[A-Za-z0-9_]*])*");

    private final JsonMapper jsonMapper;

    private final long maxBytes;

    private final int maxDepth;

    /**
     * Creates the reader with its limits: a body over {@code maxBytes} bytes is refused
     * (413), and so is JSON or a bracketed form key nesting deeper than {@code maxDepth}
     * levels (400).
     */
    public RequestParams(long maxBytes, int maxDepth) {
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(maxDepth).maxDocumentLength(maxBytes).build())
            .build();
        this.jsonMapper = JsonMapper.builder(factory)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    }

    /**
     * The request's parameters: its JSON object body (none for an empty body), else its
     * form and query parameters, bracketed keys nested into maps.
     * @throws RequestParamsException for a body that is neither JSON nor a form (415), a
     * body over the size limit (413), and JSON that is malformed, not an object or nested
     * too deep (400)
     */
    public Map<String, Object> read(HttpServletRequest request) {
        MediaType type = mediaType(request.getContentType());
        if (type != null && isJson(type)) {
            return readJson(request);
        }
        if (hasBody(request) && (type == null || !isForm(type))) {
            throw new RequestParamsException(415, "The request body must be JSON (application/json) or a form "
                    + "(application/x-www-form-urlencoded or multipart/form-data)");
        }
        return readForm(request.getParameterMap());
    }

    private static @Nullable MediaType mediaType(@Nullable String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        }
        catch (org.springframework.http.InvalidMediaTypeException
                | org.springframework.util.InvalidMimeTypeException ex) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
    }

    private static boolean isForm(MediaType type) {
        return type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                || type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA);
    }

    /** Whether the request declares a body: a positive length or chunked transfer. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readJson(HttpServletRequest request) {
        if (request.getContentLengthLong() > this.maxBytes) {
            throw new RequestParamsException(413, "The request body is larger than " + this.maxBytes + " bytes");
        }
        try (InputStream body = request.getInputStream()) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
            if (bytes.length > this.maxBytes) {
                throw new RequestParamsException(413, "The request body is larger than " + this.maxBytes + " bytes");
            }
            if (bytes.length == 0) {
                return Map.of();
            }
            Object value = this.jsonMapper.readValue(bytes, Object.class);
            if (!(value instanceof Map<?, ?> map)) {
                throw new RequestParamsException(400, "The JSON body must be an object");
            }
            return (Map<String, Object>) map;
        }
        catch (StreamConstraintsException ex) {
            throw new RequestParamsException(400,
                    "The JSON body nests deeper than " + this.maxDepth + " levels or is too large");
        }
        catch (JacksonException ex) {
            // The parser's own message quotes the offending token, which may be a value
            // the client sent.
            throw new RequestParamsException(400, "The JSON body is malformed" + (ex.getLocation() == null ? ""
                    : " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr()));
        }
        catch (IOException ex) {
            throw new RequestParamsException(400, "The request body could not be read");
        }
    }

    /**
     * Form parameters, with bracketed keys nested into maps; keys that are not plain
     * names are ignored.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> readForm(Map<String, String[]> parameters) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String key = entry.getKey();
            int bracket = key.indexOf('[');
            // Counted before any regular expression, whose repeated group would overflow
            // the stack on a deep key.
            if (bracket > 0 && key.chars().filter(c -> c == '[').count() >= this.maxDepth) {
                throw new RequestParamsException(400, "The form parameter " + key.substring(0, bracket)
                        + " nests deeper than " + this.maxDepth + " levels");
            }
            if (!FORM_KEY.matcher(key).matches()) {
                continue;
            }
            if (bracket < 0) {
                params.put(key, entry.getValue());
                continue;
            }
            Map<String, Object> node = params.get(key.substring(0, bracket)) instanceof Map<?, ?> existing
                    ? (Map<String, Object>) existing : new LinkedHashMap<>();
            params.put(key.substring(0, bracket), node);
            Matcher matcher = BRACKETS.matcher(key.substring(bracket));
            java.util.List<String> path = new java.util.ArrayList<>();
            while (matcher.find()) {
                path.add(matcher.group(1));
            }
            if (path.size() >= this.maxDepth) {
                throw new RequestParamsException(400, "The form parameter " + key.substring(0, bracket)
                        + " nests deeper than " + this.maxDepth + " levels");
            }
            for (int i = 0; i < path.size() - 1; i++) {
                Object next = node.get(path.get(i));
                if (!(next instanceof Map<?, ?>)) {
                    next = new LinkedHashMap<String, Object>();
                    node.put(path.get(i), next);
                }
                node = (Map<String, Object>) next;
            }
            node.put(path.get(path.size() - 1), entry.getValue());
        }
        return params;
    }

}
