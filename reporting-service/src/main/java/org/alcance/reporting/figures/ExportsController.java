package org.alcance.reporting.figures;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.alcance.web.ApiDescription;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.function.BiFunction;
import org.alcance.reporting.figures.ExportTables.Table;
import org.alcance.reporting.figures.FigureService.Report;
import org.alcance.reporting.figures.Views.Filters;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The tables of the figures as files, with the filters and office scoping of {@code /api/figures/overview}.
 * The figures' {@code asOf} is in the {@code X-Figures-As-Of} header and in the last column of every row.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exports", description = "The figures' tables as CSV or XLSX files, for donors' reports and spreadsheets.")
class ExportsController {

    static final String AS_OF_HEADER = "X-Figures-As-Of";

    private final FigureService figures;

    ExportsController(FigureService figures) {
        this.figures = figures;
    }

    /** The tables there are, each with its two files' paths. */
    @Operation(operationId = "exportTables", summary = "List the tables that can be exported",
            description = "Each table's name and the paths of its CSV and XLSX files.")
    @ApiResponse(responseCode = "200", description = "The tables")
    @GetMapping
    Map<String, Object> tables() {
        return Map.of("tables", ExportTables.names().stream()
                .map(name -> Map.of("name", name, "csv", "/api/exports/" + name + ".csv",
                        "xlsx", "/api/exports/" + name + ".xlsx"))
                .toList());
    }

    @Operation(operationId = "exportCsv", summary = "A table of the figures as CSV",
            description = "With the overview's filters and scope; the figures' asOf is in the X-Figures-As-Of header"
                    + " and in the last column of every row.")
    @ApiResponse(responseCode = "200", description = "The table", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{table}.csv")
    Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String table,
            @Parameter(description = FiguresController.OFFICE) @RequestParam(required = false) String office, @Parameter(description = FiguresController.THEME) @RequestParam(required = false) String theme,
            @Parameter(description = FiguresController.FROM) @RequestParam(required = false) String from, @Parameter(description = FiguresController.TO) @RequestParam(required = false) String to,
            @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        return export(token, table, "csv", TableFiles.CSV, new Filters(office, theme, from, to, asOf), language,
                (t, report) -> TableFiles.csv(t));
    }

    @Operation(operationId = "exportXlsx", summary = "A table of the figures as an XLSX workbook",
            description = "The same table as the CSV, with the filters and asOf in the workbook.")
    @ApiResponse(responseCode = "200", description = "The workbook", content = @Content(mediaType = TableFiles.XLSX,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", ref = ApiDescription.NOT_FOUND)
    @GetMapping("/{table}.xlsx")
    Mono<ResponseEntity<byte[]>> xlsx(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String table,
            @Parameter(description = FiguresController.OFFICE) @RequestParam(required = false) String office, @Parameter(description = FiguresController.THEME) @RequestParam(required = false) String theme,
            @Parameter(description = FiguresController.FROM) @RequestParam(required = false) String from, @Parameter(description = FiguresController.TO) @RequestParam(required = false) String to,
            @Parameter(description = FiguresController.AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FiguresController.LANGUAGE) @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE,
                    required = false) String language) {
        Filters filters = new Filters(office, theme, from, to, asOf);
        return export(token, table, "xlsx", TableFiles.XLSX, filters, language, (t, report) -> TableFiles.xlsx(t, filters,
                report.overview().asOf() == null ? null : report.overview().asOf().toString()));
    }

    private Mono<ResponseEntity<byte[]>> export(ClaimAccessor token, String table, String extension, String contentType,
            Filters filters, String language, BiFunction<Table, Report, byte[]> write) {
        return Mono.defer(() -> {
            if (!ExportTables.exists(table)) {
                return Mono.error(new Problem(HttpStatus.NOT_FOUND, "No table \"" + table + "\"; the tables are "
                        + String.join(", ", ExportTables.names())));
            }
            return figures.report(Caller.of(token), filters.office(), filters.theme(),
                    Period.parse(filters.from(), filters.to()), filters, Labels.language(language)).map(report -> {
                        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                                .contentType(MediaType.parseMediaType(contentType))
                                .header("Content-Disposition", ContentDisposition.attachment()
                                        .filename(table + "." + extension).build().toString());
                        if (report.overview().asOf() != null) {
                            answer.header(AS_OF_HEADER, report.overview().asOf().toString());
                        }
                        return answer.body(write.apply(ExportTables.table(table, report), report));
                    });
        });
    }
}
