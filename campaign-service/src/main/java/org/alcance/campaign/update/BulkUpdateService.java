package org.alcance.campaign.update;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alcance.campaign.campaign.Campaign;
import org.alcance.campaign.campaign.CampaignService;
import org.alcance.campaign.campaign.CampaignStatus;
import org.alcance.web.Caller;
import org.alcance.web.Created;
import org.alcance.web.CsvReader;
import org.alcance.web.Problem;
import org.alcance.web.RowStatus;
import org.alcance.web.Uploads;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports the rows of a field office's spreadsheet, each as a progress update of its own, a few
 * hundred per bulk insert, and says what became of every row.
 * A bad row is refused with its errors and never stops the good ones; each row's client reference
 * gives it its update id, so sending the same rows again changes nothing.
 */
@Service
class BulkUpdateService {

    static final int MAX_ROWS = 5_000;
    private static final int CHUNK = 250;

    private final UpdateService updates;
    private final CampaignService campaigns;
    private final JsonMapper json;

    BulkUpdateService(UpdateService updates, CampaignService campaigns, JsonMapper json) {
        this.updates = updates;
        this.campaigns = campaigns;
        this.json = json;
    }

    /** The body of a JSON upload: the rows are the bodies {@code POST .../updates} takes. */
    record JsonUpload(List<UpdateRequests.Report> rows) {
    }

    /** What became of one row. */
    /**
     * @param updateId the update the row became (or, in a dry run, would become); none for a rejected row
     * @param errors why the row was rejected, or for a duplicate, which row it repeats
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RowResult(int row, String clientReference, RowStatus status, String updateId, List<Problem.FieldError> errors) {
    }

    /** The answer to an upload: counts of each status, then every row in the file's order. */
    record Result(boolean dryRun, int received, int created, int unchanged, int duplicate, int rejected, int valid,
            List<RowResult> rows) {

        static Result of(boolean dryRun, List<RowResult> rows) {
            Map<RowStatus, Long> counts = rows.stream().collect(Collectors.groupingBy(RowResult::status, Collectors.counting()));
            return new Result(dryRun, rows.size(), count(counts, RowStatus.CREATED), count(counts, RowStatus.UNCHANGED),
                    count(counts, RowStatus.DUPLICATE), count(counts, RowStatus.REJECTED), count(counts, RowStatus.VALID), rows);
        }

        private static int count(Map<RowStatus, Long> counts, RowStatus status) {
            return counts.getOrDefault(status, 0L).intValue();
        }
    }

    /**
     * Refuses the whole upload up front when the campaign cannot take progress (404, 403, 409), its
     * file cannot be read (400, 422) or it has too many rows (413); otherwise reports row by row.
     */
    Mono<Result> upload(Caller caller, String campaignId, Uploads.Format format, byte[] body, boolean dryRun) {
        return campaigns.readable(caller, campaignId).flatMap(campaign -> {
            CampaignService.requireWriter(caller, campaign);
            if (campaign.status() != CampaignStatus.ACTIVE) {
                throw Problem.conflict("Progress is reported on ACTIVE campaigns; this one is " + campaign.status());
            }
            List<BulkRow> rows = format == Uploads.Format.CSV ? csv(body, campaign) : json(body);
            if (rows.size() > MAX_ROWS) {
                throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "An upload holds at most " + MAX_ROWS
                        + " rows and this one has " + rows.size() + ": split it into several uploads",
                        List.of(new Problem.FieldError("rows", "must be at most " + MAX_ROWS)));
            }
            Map<String, Integer> firstRowOf = new HashMap<>();
            Map<Integer, RowResult> refused = new HashMap<>();
            List<BulkRow> valid = new ArrayList<>();
            for (BulkRow row : rows) {
                RowResult refusal = precheck(row, firstRowOf);
                if (refusal == null) {
                    valid.add(row);
                } else {
                    refused.put(row.row(), refusal);
                }
            }
            return Flux.fromIterable(chunks(valid))
                    .concatMap(chunk -> dryRun ? Flux.fromIterable(chunk).concatMap(row -> check(caller, campaignId, row))
                            : report(caller, campaignId, chunk))
                    .collectMap(RowResult::row)
                    .map(reported -> {
                        reported.putAll(refused);
                        return Result.of(dryRun, rows.stream().map(row -> reported.get(row.row())).toList());
                    });
        });
    }

    /** A row refused before it reaches the campaign: no reference, a repeated one, or unreadable cells. */
    private static RowResult precheck(BulkRow row, Map<String, Integer> firstRowOf) {
        String reference = row.clientReference();
        if (reference == null || reference.isBlank()) {
            List<Problem.FieldError> errors = new ArrayList<>(row.errors());
            errors.add(0, new Problem.FieldError("clientReference",
                    "is required: every row needs the office's own id for it, so that sending it again changes nothing"));
            return new RowResult(row.row(), reference, RowStatus.REJECTED, null, errors);
        }
        Integer first = firstRowOf.putIfAbsent(reference, row.row());
        if (first != null) {
            return new RowResult(row.row(), reference, RowStatus.DUPLICATE, null,
                    List.of(new Problem.FieldError("clientReference", "repeats row " + first + " of this upload")));
        }
        if (!row.errors().isEmpty()) {
            return new RowResult(row.row(), reference, RowStatus.REJECTED, null, row.errors());
        }
        return null;
    }

    /** Rows reported per bulk insert: few round trips, each well below MongoDB's message size limit. */
    private static List<List<BulkRow>> chunks(List<BulkRow> rows) {
        List<List<BulkRow>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
        }
        return chunks;
    }

    private Flux<RowResult> report(Caller caller, String campaignId, List<BulkRow> chunk) {
        List<UpdateService.Row> batch = chunk.stream()
                .map(row -> new UpdateService.Row(UpdateService.updateId(campaignId, row.clientReference(), null), row.request()))
                .toList();
        return updates.reportAll(caller, campaignId, batch).flatMapIterable(results -> {
            List<RowResult> rows = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                rows.add(result(chunk.get(i), results.get(i), false));
            }
            return rows;
        });
    }

    private Mono<RowResult> check(Caller caller, String campaignId, BulkRow row) {
        String updateId = UpdateService.updateId(campaignId, row.clientReference(), null);
        return Mono.defer(() -> updates.report(caller, campaignId, row.request(), updateId, true))
                .<Object>map(outcome -> outcome)
                .onErrorResume(e -> e instanceof Problem problem && problem.status().is4xxClientError(), Mono::just)
                .map(outcome -> result(row, outcome, true));
    }

    /** What became of a row: an outcome of reporting it, or the client error that refused it alone. */
    private static RowResult result(BulkRow row, Object outcome, boolean dryRun) {
        if (outcome instanceof Created<?> reported && reported.entity() instanceof ProgressUpdate update) {
            return new RowResult(row.row(), row.clientReference(),
                    RowStatus.accepted(reported.isNew(), dryRun),
                    update.id(), List.of());
        }
        Problem problem = (Problem) outcome;
        List<Problem.FieldError> errors = problem.errors().isEmpty()
                ? List.of(new Problem.FieldError("row", problem.getMessage()))
                : row.inFileTerms(problem.errors());
        return new RowResult(row.row(), row.clientReference(), RowStatus.REJECTED, null, errors);
    }

    private static List<BulkRow> csv(byte[] body, Campaign campaign) {
        return CsvRows.rows(CsvReader.readUpload(body), campaign.details().audienceNames());
    }

    private List<BulkRow> json(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new Problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON",
                    List.of(new Problem.FieldError("body", firstLine(e.getOriginalMessage()))));
        }
        JsonNode items = root == null ? null : root.get("rows");
        if (items == null || !items.isArray()) {
            throw new Problem(HttpStatus.UNPROCESSABLE_ENTITY, "A JSON upload is {\"rows\": [...]}, an array of updates",
                    List.of(new Problem.FieldError("rows", "is required and must be an array")));
        }
        List<BulkRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            rows.add(jsonRow(i + 1, items.get(i)));
        }
        return rows;
    }

    private BulkRow jsonRow(int number, JsonNode item) {
        if (item == null || !item.isObject()) {
            return new BulkRow(number, null, List.of(new Problem.FieldError("row", "must be an object")), f -> f);
        }
        try {
            return new BulkRow(number, json.treeToValue(item, UpdateRequests.Report.class), List.of(), f -> f);
        } catch (JacksonException e) {
            JsonNode reference = item.get("clientReference");
            UpdateRequests.Report partial = new UpdateRequests.Report(null, null, null, null, null, null,
                    reference != null && reference.isString() ? reference.stringValue() : null);
            return new BulkRow(number, partial, List.of(new Problem.FieldError(path(e), firstLine(e.getOriginalMessage()))),
                    f -> f);
        }
    }

    private static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        return path.isEmpty() ? "row" : path;
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
