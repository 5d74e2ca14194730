package org.alcance.campaign.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.web.CsvReader;
import org.alcance.web.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CsvRowsTest {

    private static final List<String> AUDIENCES = List.of("children", "teachers");

    private static List<BulkRow> rows(String csv) {
        return CsvRows.rows(CsvReader.read(csv), AUDIENCES);
    }

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void shouldTurnARowIntoAnUpdateWithMaterialsReachAndBreakdowns() {
        List<BulkRow> rows = rows("""
                clientReference,reportedOn,place,adminArea,channel,notes,materials.posters,reach.children,reach.teachers,reach.teachers.sex.FEMALE,reach.teachers.sex.MALE,reach.teachers.age.AGE_25_34
                gt-1,2002-06-15,Tecún Umán,San Marcos,poster,At the border,5000,1200,40,25,15,40
                """);
        assertEquals(1, rows.size());
        BulkRow row = rows.get(0);
        assertEquals(List.of(), row.errors());
        UpdateRequests.Report report = row.request();
        assertEquals("gt-1", report.clientReference());
        assertEquals(LocalDate.of(2002, 6, 15), report.reportedOn());
        assertEquals(new UpdateRequests.PlaceInput("Tecún Umán", "San Marcos", null, null, null), report.place());
        assertEquals("poster", report.channel());
        assertEquals("At the border", report.notes());
        assertEquals(Map.of("posters", 5000L), report.materials());
        assertEquals(List.of(new UpdateRequests.ReachInput("children", 1200L, null, null),
                new UpdateRequests.ReachInput("teachers", 40L, Map.of("FEMALE", 25L, "MALE", 15L), Map.of("AGE_25_34", 40L))),
                report.reach());
    }

    @Test
    void shouldLeaveAnAudienceOutWhenItsCellIsEmptyAndOptionalColumnsUnsetWhenBlank() {
        BulkRow row = rows("""
                clientReference,reportedOn,place,adminArea,channel,notes,reach.children,reach.teachers
                gt-2,2002-06-16,Malacatán,,workshop,,,30
                """).get(0);
        assertEquals(List.of(new UpdateRequests.ReachInput("teachers", 30L, null, null)), row.request().reach());
        assertEquals(new UpdateRequests.PlaceInput("Malacatán", null, null, null, null), row.request().place());
        assertNull(row.request().notes());
        assertNull(row.request().materials());
    }

    @Test
    void shouldNameTheColumnOfEveryCellThatIsNotANumberOrADate() {
        BulkRow row = rows("""
                clientReference,reportedOn,place,channel,materials.posters,reach.children,reach.teachers.sex.FEMALE,reach.teachers
                gt-3,15/06/2002,Tecún Umán,poster,many,1.200,x,3
                """).get(0);
        assertEquals(List.of("materials.posters", "reach.children", "reach.teachers.sex.FEMALE", "reportedOn"),
                fields(row.errors()));
        assertTrue(row.errors().get(0).detail().contains("\"many\""), row.errors().get(0).detail());
    }

    @Test
    void shouldRefuseABreakdownWithoutThePeopleItBreaksDown() {
        BulkRow row = rows("""
                clientReference,reportedOn,place,channel,reach.teachers,reach.teachers.sex.FEMALE
                gt-4,2002-06-15,Tecún Umán,poster,,12
                """).get(0);
        assertEquals(List.of("reach.teachers"), fields(row.errors()));
    }

    @Test
    void shouldRefuseAHeaderWithUnknownColumnsNamingThemAll() {
        Problem problem = assertThrows(Problem.class, () -> rows("""
                clientReference,reportedOn,place,channel,reach.children,colour,materials,reach.children.sex.female,reach.parents
                gt-5,2002-06-15,Tecún Umán,poster,1,red,2,1,1
                """));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, problem.status());
        assertEquals(List.of("colour", "materials", "reach.children.sex.female", "reach.parents"), fields(problem.errors()));
        assertTrue(problem.getMessage().contains("colour"), problem.getMessage());
    }

    @Test
    void shouldRefuseAHeaderWithoutTheRequiredColumnsOrAnyReach() {
        Problem problem = assertThrows(Problem.class, () -> rows("clientReference,place,notes,notes\ngt-6,x,y,z\n"));
        assertEquals(List.of("notes", "reportedOn", "channel", "reach.<audience>"), fields(problem.errors()));
    }

    @Test
    void shouldRefuseAnEmptyFile() {
        Problem problem = assertThrows(Problem.class, () -> rows(""));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, problem.status());
    }

    @Test
    void shouldSkipBlankRowsButKeepNumberingRowsAsTheFileDoes() {
        List<BulkRow> rows = rows("""
                clientReference,reportedOn,place,channel,reach.children,
                a,2002-06-15,x,poster,1,
                ,,,,,
                b,2002-06-15,x,poster,2,
                """);
        assertEquals(List.of(1, 3), rows.stream().map(BulkRow::row).toList());
    }

    @Test
    void shouldRefuseARowWithMoreCellsThanTheHeaderHasColumns() {
        BulkRow row = rows("clientReference,reportedOn,place,channel,reach.children\na,2002-06-15,x,poster,1,surplus\n").get(0);
        assertEquals(List.of("row"), fields(row.errors()));
    }

    @Test
    void shouldNameTheFieldsOfAnUpdateByTheColumnsTheyCameFrom() {
        List<String> reached = List.of("children", "teachers");
        assertEquals("reach.teachers", CsvRows.column("reach[1].people", reached));
        assertEquals("reach.children.sex", CsvRows.column("reach[0].bySex", reached));
        assertEquals("reach.teachers.age.AGE_18_24", CsvRows.column("reach[1].byAgeGroup.AGE_18_24", reached));
        assertEquals("place", CsvRows.column("place.name", reached));
        assertEquals("adminArea", CsvRows.column("place.adminArea", reached));
        assertEquals("materials.posters", CsvRows.column("materials.posters", reached));
        assertEquals("reportedOn", CsvRows.column("reportedOn", reached));
    }
}
