package io.schemaspring.web;

import io.schemaspring.changeset.Castable;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.NoResultsException;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.routing.ReadRouting;
import io.schemaspring.type.CastResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves {@code @Cast Changeset<T>} controller arguments from form or JSON parameters.
 */
public class ChangesetArgumentResolver implements HandlerMethodArgumentResolver {

    private final SchemaRegistry registry;

    private final ObjectProvider<Repo> repo;

    private final RequestParams requestParams;

    /**
     * Creates the resolver over the application's registry; {@code repo} is looked up
     * lazily, only when a request changes a stored struct, and {@code requestParams}
     * reads each request's parameters.
     */
    public ChangesetArgumentResolver(SchemaRegistry registry, ObjectProvider<Repo> repo, RequestParams requestParams) {
        this.registry = registry;
        this.repo = repo;
        this.requestParams = requestParams;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Changeset.class && parameter.hasParameterAnnotation(Cast.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        Cast cast = parameter.getParameterAnnotation(Cast.class);
        SchemaMetadata metadata = this.registry.get(schemaOf(parameter));
        Plan plan = plan(metadata, cast);
        Map<String, Object> params = this.requestParams.read(webRequest.getNativeRequest(HttpServletRequest.class));
        Object data = data(metadata, cast, webRequest);
        Changeset<Object> changeset = Changeset.cast(metadata, data, params, plan.fields());
        plan.embeds().forEach(changeset::castEmbed);
        plan.associations().forEach(changeset::castAssoc);
        return changeset.validateRequired(cast.required());
    }

    /** The schema class of a {@code Changeset<T>} parameter. */
    public static Class<?> schemaOf(MethodParameter parameter) {
        Class<?> schema = ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve();
        if (schema == null || schema == Object.class) {
            throw new IllegalStateException("@Cast parameter " + parameter.getParameterName() + " of "
                    + parameter.getExecutable() + " must name its schema: Changeset<YourSchema>");
        }
        return schema;
    }

    /**
     * What a {@code @Cast} casts, split into plain fields, embeds and associations;
     * refuses unknown names.
     */
    public static Plan plan(SchemaMetadata metadata, Cast cast) {
        List<String> permitted = cast.permit().length == 0 ? Castable.defaultFields(metadata)
                : Arrays.asList(cast.permit());
        List<String> fields = new ArrayList<>();
        List<String> embeds = new ArrayList<>();
        List<String> associations = new ArrayList<>();
        for (String name : permitted) {
            AssociationMetadata association = metadata.association(name);
            if (metadata.embed(name) != null) {
                embeds.add(name);
            }
            else if (association != null) {
                associations.add(name);
            }
            else if (metadata.field(name) != null) {
                fields.add(name);
            }
            else {
                throw new IllegalStateException("@Cast permits :" + name + ", which "
                        + metadata.schemaClass().getSimpleName() + " does not have; " + metadata.describeFields());
            }
        }
        for (String name : cast.required()) {
            if (metadata.field(name) == null) {
                throw new IllegalStateException("@Cast requires :" + name + ", which "
                        + metadata.schemaClass().getSimpleName() + " does not have; " + metadata.describeFields());
            }
        }
        return new Plan(fields, embeds, associations);
    }

    /** The names a {@code @Cast} casts, by how. */
    public record Plan(List<String> fields, List<String> embeds, List<String> associations) {
    }

    @SuppressWarnings("unchecked")
    private Object data(SchemaMetadata metadata, Cast cast, NativeWebRequest request) {
        Map<String, String> variables = (Map<String, String>) request
            .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        String id = variables == null ? null : variables.get(cast.idVariable());
        if (id == null || metadata.embedded()) {
            return metadata.structs().newInstance();
        }
        if (metadata.primaryKey().size() != 1) {
            throw new IllegalStateException(metadata.schemaClass().getSimpleName()
                    + " has a composite primary key: load the struct yourself and call Changeset.cast");
        }
        FieldMetadata key = metadata.field(metadata.primaryKey().get(0));
        CastResult<?> castId = key.type().cast(id);
        if (!castId.isOk() || castId.value() == null) {
            throw new NoResultsException(metadata.schemaClass(), id);
        }
        String prefix = cast.prefixVariable().isEmpty() ? null : variables.get(cast.prefixVariable());
        if (prefix != null && !io.schemaspring.metadata.SqlIdentifiers.isValid(prefix)) {
            throw new NoResultsException(metadata.schemaClass(), id);
        }
        Repo repo = this.repo.getObject();
        io.schemaspring.query.Query<?> query = io.schemaspring.query.Query.from(metadata.schemaClass())
            .where(key.name(), castId.value());
        if (prefix != null) {
            query = query.prefix(prefix);
        }
        io.schemaspring.query.Query<?> byId = query;
        List<String> associations = plan(metadata, cast).associations();
        // The row is read to be changed: from the primary, never from a replica that may
        // lag behind it.
        return ReadRouting.onPrimary(() -> {
            Object struct = repo.one(byId).orElseThrow(() -> new NoResultsException(metadata.schemaClass(), id));
            checkIfMatch(metadata, cast, request, struct);
            if (!associations.isEmpty()) {
                repo.preload(struct, associations.toArray(String[]::new));
            }
            return struct;
        });
    }

    /**
     * Honours {@code If-Match} against the struct as stored: the write that follows is
     * then guarded by {@code @Version} from the version the client read, not the one just
     * loaded.
     */
    private static void checkIfMatch(SchemaMetadata metadata, Cast cast, NativeWebRequest request, Object struct) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        String current = EntityTags.of(metadata, struct);
        if (ifMatch == null) {
            if (cast.requireIfMatch()) {
                throw new PreconditionException(428, "This change needs If-Match with the ETag of the "
                        + metadata.schemaClass().getSimpleName() + " it changes; read it first");
            }
            return;
        }
        if (!EntityTags.matches(ifMatch, current)) {
            throw new PreconditionException(412, "The " + metadata.schemaClass().getSimpleName() + " was changed since "
                    + "it was read (its ETag is no longer the one sent in If-Match); read it again and retry");
        }
    }

}
