package org.alcance.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description a service serves at {@code /v3/api-docs}, which {@code docs/api/} publishes: every
 * operation needs the bearer JWT it describes, and every refusal is an RFC 9457 problem ({@link ProblemResponses}),
 * described once as a reusable response that operations name in {@code @ApiResponse(ref = ...)}. For services that
 * bring springdoc ({@link WebConventionsAutoConfiguration}).
 */
public final class ApiDescription {

    public static final String BEARER = "bearer-jwt";
    private static final String PROBLEM_JSON = "application/problem+json";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String UNPROCESSABLE = "UnprocessableContent";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
    private static final String UNAUTHORIZED = "Unauthorized";
    private static final String FORBIDDEN = "Forbidden";

    private ApiDescription() {
    }

    /** What a change to a stored record may meet: no such record, a state that refuses it, broken rules, a busy record. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", ref = CONFLICT)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", ref = UNPROCESSABLE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "503", ref = SERVICE_UNAVAILABLE)
    public @interface ChangeRefusals {
    }

    /**
     * What a bulk upload to a stored record may meet: no such record, a state that refuses it, a body too large or of
     * another type, a file that cannot be read.
     */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", ref = NOT_FOUND)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", ref = CONFLICT)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "413", ref = CONTENT_TOO_LARGE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "415", ref = UNSUPPORTED_MEDIA_TYPE)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "422", ref = UNPROCESSABLE)
    public @interface UploadRefusals {
    }

    /** What names the API and whom to ask about it: {@code alcance.api.*}, set per service and per deployment. */
    @ConfigurationProperties("alcance.api")
    public record Properties(String title, String description, String server, String contactName, String contactUrl,
            String contactEmail) {

        /** A contact's address left blank is none at all (an empty string is no URL). */
        public Properties {
            contactUrl = contactUrl == null || contactUrl.isBlank() ? null : contactUrl;
            contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail;
        }
    }

    public static OpenAPI of(Properties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).version("v1").description(api.description())
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0"))
                        .contact(new Contact().name(api.contactName()).url(api.contactUrl()).email(api.contactEmail())))
                .servers(List.of(new Server().url(api.server())
                        .description("The local stack that ./run-local starts; a deployment has its own address")))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("An OAuth2 access token with audience alcance; its office claim scopes what"
                                        + " a field office reads and writes, its roles claim holds office, hq or admin."))
                        .addSchemas("Problem", problemSchema())
                        .addSchemas("FieldError", fieldErrorSchema())
                        .responses(refusals()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Completes every operation with what all of them share: the refusals any of them may answer (401 and 403 where
     * a token is needed, 400 where the request has a body, query or header that may not parse; the rest each operation
     * names itself), and what the headers of safe retries and of optimistic locking mean.
     */
    public static void complete(OpenAPI description) {
        description.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(parameter -> parameter.getDescription() == null && HEADERS.containsKey(parameter.getName()))
                        .forEach(parameter -> parameter.setDescription(HEADERS.get(parameter.getName())));
            }
            ApiResponses responses = operation.getResponses();
            boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (!open) {
                responses.putIfAbsent("401", new ApiResponse().$ref(UNAUTHORIZED));
                responses.putIfAbsent("403", new ApiResponse().$ref(FORBIDDEN));
            }
            if (takesInput(operation)) {
                responses.putIfAbsent("400", new ApiResponse().$ref(BAD_REQUEST));
            }
        }));
        // a service describes the refusals it answers, not every one the others may
        Set<String> named = description.getPaths().values().stream()
                .flatMap(path -> path.readOperations().stream())
                .flatMap(operation -> operation.getResponses().values().stream())
                .map(ApiResponse::get$ref).filter(Objects::nonNull)
                .map(ref -> ref.substring(ref.lastIndexOf('/') + 1)).collect(Collectors.toSet());
        description.getComponents().getResponses().keySet().retainAll(named);
    }

    private static final Map<String, String> HEADERS = Map.of(
            IdempotentResponses.HEADER, "Your own key for this request (1 to 200 characters): sent again with the same"
                    + " body, the first answer comes back and nothing changes twice; with another body it is refused (422)",
            "If-Match", "The ETag you read (\"3\"): the change is refused (412) if the record changed since");

    /** A body, a query parameter or a header may not parse; a path that does not does not name a record (404). */
    private static boolean takesInput(Operation operation) {
        return operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> !"path".equals(parameter.getIn())));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what was refused and why; errors names each bad field.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("The status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What was refused, in plain words"))
                .addProperty("instance", new StringSchema().description("The path of the request refused"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("FieldError"))
                        .description("Each bad field, when the refusal is about fields"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .description("One bad field: its JSON path (or a header's or column's name) and what is wrong with it.")
                .addProperty("field", new StringSchema().example("audiences[1].target"))
                .addProperty("detail", new StringSchema().example("must be a whole number from 0 to 1000000000"))
                .required(List.of("field", "detail"));
    }

    /** Mutable: {@link #complete} keeps those a service's operations name. */
    private static Map<String, ApiResponse> refusals() {
        return new TreeMap<>(Map.of(
                BAD_REQUEST, refusal(HttpStatus.BAD_REQUEST, "The body or a parameter cannot be read: malformed JSON, a"
                        + " value of the wrong kind, an unreadable cursor",
                        "The JSON breaks at line 2, column 35: it ends before every object and list is closed", null),
                UNAUTHORIZED, refusal(HttpStatus.UNAUTHORIZED, "No valid bearer token",
                        "A valid bearer token is required", null),
                FORBIDDEN, refusal(HttpStatus.FORBIDDEN, "The token's role or office does not allow this",
                        "Your role does not allow this", null),
                NOT_FOUND, refusal(HttpStatus.NOT_FOUND, "Nothing by that id that the caller may see",
                        "Campaign 0f8fad5b-d9cb-469f-a165-70867728950e not found", null),
                CONFLICT, refusal(HttpStatus.CONFLICT, "The change does not fit the current state (for example a"
                        + " campaign that is not ACTIVE, or a date inside an approved reporting period)",
                        "Progress is reported on ACTIVE campaigns; this one is COMPLETED", null),
                PRECONDITION_FAILED, refusal(HttpStatus.PRECONDITION_FAILED, "If-Match names a version that is no"
                        + " longer the current one: read it again, then send the change",
                        "The campaign changed since version 3; it is now at version 4", null),
                CONTENT_TOO_LARGE, refusal(HttpStatus.CONTENT_TOO_LARGE, "The body is too large",
                        "An upload is at most 10 MB: split the file into several uploads", null),
                UNSUPPORTED_MEDIA_TYPE, refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's Content-Type is not"
                        + " one this operation reads", "Content type 'text/plain' is not supported", null),
                UNPROCESSABLE, refusal(HttpStatus.UNPROCESSABLE_ENTITY, "The body is read but breaks rules: every bad"
                        + " field is named in errors", "The request breaks 1 rule; see errors",
                        List.of(Map.of("field", "reach[0].people", "detail", "must be a whole number from 0 to 1000000000"))),
                SERVICE_UNAVAILABLE, refusal(HttpStatus.SERVICE_UNAVAILABLE, "Too many changes to one record at once;"
                        + " the same request sent again is safe", "Campaign 0f8fad5b-d9cb-469f-a165-70867728950e"
                        + " cannot take this change now: too many requests change it at once; retry later", null)));
    }

    private static ApiResponse refusal(HttpStatus status, String description, String detail, Object errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", status.getReasonPhrase());
        example.put("status", status.value());
        example.put("detail", detail);
        example.put("instance", "/api/campaigns");
        if (errors != null) {
            example.put("errors", errors);
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("Problem")).example(example)));
    }
}
