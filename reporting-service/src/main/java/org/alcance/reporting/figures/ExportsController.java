package org.alcance.reporting.figures;

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
class ExportsController {

    static final String AS_OF_HEADER = "X-Figures-As-Of";

    private final FigureService figures;

    ExportsController(FigureService figures) {
        this.figures = figures;
    }

    /** The tables there are, each with its two files' paths. */
    @GetMapping
    Map<String, Object> tables() {
        return Map.of("tables", ExportTables.names().stream()
                .map(name -> Map.of("name", name, "csv", "/api/exports/" + name + ".csv",
                        "xlsx", "/api/exports/" + name + ".xlsx"))
                .toList());
    }

    @GetMapping("/{table}.csv")
    Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String table,
            @RequestParam(required = false) String office, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        return export(token, table, "csv", TableFiles.CSV, new Filters(office, theme, from, to, asOf), language,
                (t, report) -> TableFiles.csv(t));
    }

    @GetMapping("/{table}.xlsx")
    Mono<ResponseEntity<byte[]>> xlsx(@AuthenticationPrincipal ClaimAccessor token, @PathVariable String table,
            @RequestParam(required = false) String office, @RequestParam(required = false) String theme,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String asOf,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
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
