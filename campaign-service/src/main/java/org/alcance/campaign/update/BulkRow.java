package org.alcance.campaign.update;

import java.util.List;
import java.util.function.UnaryOperator;
import org.alcance.web.Problem;

/**
 * One row of a bulk upload as read from the file: the update it asks for, the errors found while
 * reading it (a row with any is not reported), and how to name a field of the update the way the
 * file names it (a CSV column rather than a JSON path).
 *
 * @param row 1 for the first row after a CSV header, or the first item of a JSON upload's {@code rows}
 */
record BulkRow(int row, UpdateRequests.Report request, List<Problem.FieldError> errors, UnaryOperator<String> fieldName) {

    BulkRow {
        errors = List.copyOf(errors);
    }

    String clientReference() {
        return request == null ? null : request.clientReference();
    }

    /** Renames the fields of errors found by the update's rules as the file names them. */
    List<Problem.FieldError> inFileTerms(List<Problem.FieldError> ruleErrors) {
        return ruleErrors.stream().map(e -> new Problem.FieldError(fieldName.apply(e.field()), e.detail())).toList();
    }
}
