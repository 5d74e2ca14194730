package org.alcance.training.participant;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.alcance.training.course.Course;
import org.alcance.training.course.CourseService;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.alcance.web.RowStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A field office's roster or attendance sheet as CSV, row after row, each as its own request would
 * be, with what became of every row. A bad row never stops the good ones; rows sent again change
 * nothing (a roster row's {@code clientReference} gives the participant's id).
 */
@Service
class BulkImportService {

    static final int MAX_ROWS = 5_000;
    static final List<String> ROSTER_COLUMNS = List.of("clientReference", "personReference", "name", "email", "phone",
            "organisation", "organisationType", "position", "sex", "ageGroup", "nationality", "country");
    static final List<String> SHEET_COLUMNS = List.of("participantId", "clientReference", "status");

    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final CourseService courses;

    BulkImportService(EnrolmentService enrolments, AttendanceService attendance, CourseService courses) {
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.courses = courses;
    }

    /** What became of one row; {@code state} is where a roster row's participant stands in the course. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RowResult(int row, String clientReference, String participantId, RowStatus status, Course.EnrolmentState state,
            List<Problem.FieldError> errors) {
    }

    @Schema(name = "UploadReport")
    record Report(boolean dryRun, int received, long created, long unchanged, long duplicate, long rejected, long valid,
            List<RowResult> rows) {

        static Report of(boolean dryRun, List<RowResult> rows) {
            Function<RowStatus, Long> count = status -> rows.stream().filter(r -> r.status() == status).count();
            return new Report(dryRun, rows.size(), count.apply(RowStatus.CREATED), count.apply(RowStatus.UNCHANGED),
                    count.apply(RowStatus.DUPLICATE), count.apply(RowStatus.REJECTED), count.apply(RowStatus.VALID), rows);
        }
    }

    Mono<Report> roster(Caller caller, String courseId, byte[] body, boolean dryRun) {
        return checked(caller, courseId, body, ROSTER_COLUMNS, List.of(List.of("clientReference"), List.of("name")))
                .flatMap(sheet -> {
                    Map<String, Integer> firstRowOf = new HashMap<>();
                    return Flux.fromIterable(sheet.rows().entrySet()).concatMap(entry -> {
                        int row = entry.getKey();
                        Map<String, String> c = entry.getValue();
                        String reference = c.get("clientReference");
                        if (reference == null) {
                            return Mono.just(rejected(row, null, null, new Problem.FieldError("clientReference",
                                    "is required: the office's own id for the person, so that sending it again changes nothing")));
                        }
                        Integer first = firstRowOf.putIfAbsent(reference, row);
                        if (first != null) {
                            return Mono.just(new RowResult(row, reference, null, RowStatus.DUPLICATE, null,
                                    List.of(new Problem.FieldError("clientReference", "repeats row " + first))));
                        }
                        ParticipantRequests.Enrol request = new ParticipantRequests.Enrol(reference,
                                c.get("personReference"), c.get("name"), c.get("email"), c.get("phone"),
                                c.get("organisation"), c.get("organisationType"), c.get("position"), c.get("sex"),
                                c.get("ageGroup"), c.get("nationality"), c.get("country"));
                        String participantId = EnrolmentService.participantId(courseId, reference, null);
                        return enrolments.enrol(caller, courseId, request, participantId, dryRun)
                                .map(outcome -> new RowResult(row, reference, participantId,
                                        RowStatus.accepted(outcome.isNew(), dryRun), outcome.entity().state(), List.of()))
                                .onErrorResume(BulkImportService::rowRefused, e -> Mono.just(rejected(row, reference, null, (Problem) e)));
                    }).collectList().map(rows -> Report.of(dryRun, rows));
                });
    }

    Mono<Report> attendanceSheet(Caller caller, String courseId, String sessionId, byte[] body, boolean dryRun) {
        return checked(caller, courseId, body, SHEET_COLUMNS,
                List.of(List.of("participantId", "clientReference"), List.of("status")))
                .flatMap(sheet -> {
                    Map<String, Integer> firstRowOf = new HashMap<>();
                    return Flux.fromIterable(sheet.rows().entrySet()).concatMap(entry -> {
                        int row = entry.getKey();
                        Map<String, String> c = entry.getValue();
                        String reference = c.get("clientReference");
                        String participantId = c.get("participantId") != null ? c.get("participantId")
                                : reference == null ? null : EnrolmentService.participantId(courseId, reference, null);
                        if (participantId == null) {
                            return Mono.just(rejected(row, null, null,
                                    new Problem.FieldError("participantId", "or clientReference is required")));
                        }
                        Integer first = firstRowOf.putIfAbsent(participantId, row);
                        if (first != null) {
                            return Mono.just(new RowResult(row, reference, participantId, RowStatus.DUPLICATE, null,
                                    List.of(new Problem.FieldError("participantId", "repeats row " + first))));
                        }
                        ParticipantRequests.Attendance request = new ParticipantRequests.Attendance(
                                List.of(new ParticipantRequests.Mark(participantId, c.get("status"))));
                        return attendance.record(caller, courseId, sessionId, request, dryRun)
                                .map(recorded -> new RowResult(row, reference, participantId,
                                        RowStatus.accepted(recorded.changed().contains(participantId), dryRun), null, List.of()))
                                .onErrorResume(BulkImportService::rowRefused,
                                        e -> Mono.just(rejected(row, reference, participantId, (Problem) e)));
                    }).collectList().map(rows -> Report.of(dryRun, rows));
                });
    }

    /** The whole upload is refused up front when the course is not the caller's to change, or the file is unreadable. */
    private Mono<CsvSheet> checked(Caller caller, String courseId, byte[] body, List<String> columns,
            List<List<String>> required) {
        return courses.readable(caller, courseId).map(course -> {
            CourseService.requireOpen(caller, course);
            CsvSheet sheet = CsvSheet.read(body, columns, required);
            if (sheet.rows().size() > MAX_ROWS) {
                throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "An upload holds at most " + MAX_ROWS + " rows",
                        List.of(new Problem.FieldError("rows", "must be at most " + MAX_ROWS)));
            }
            return sheet;
        });
    }

    /** A refusal that concerns the row alone; others (a course gone meanwhile, a server fault) end the upload. */
    private static boolean rowRefused(Throwable error) {
        return error instanceof Problem problem && problem.status() == HttpStatus.UNPROCESSABLE_ENTITY;
    }

    private static RowResult rejected(int row, String reference, String participantId, Problem problem) {
        List<Problem.FieldError> errors = problem.errors().stream()
                .map(e -> new Problem.FieldError(e.field().replaceFirst("^records\\[0]\\.", ""), e.detail())).toList();
        return new RowResult(row, reference, participantId, RowStatus.REJECTED, null,
                errors.isEmpty() ? List.of(new Problem.FieldError("row", problem.getMessage())) : errors);
    }

    private static RowResult rejected(int row, String reference, String participantId, Problem.FieldError error) {
        return new RowResult(row, reference, participantId, RowStatus.REJECTED, null, List.of(error));
    }
}
