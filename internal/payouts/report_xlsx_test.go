package payouts

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReportWorkbookHoldsTheCSVFigures reads the workbook back: the same lines as the CSV report in the
// same order, amounts as numbers (not text a Dutch spreadsheet must parse), the period as dates, and a
// name that looks like a formula kept as text.
func TestReportWorkbookHoldsTheCSVFigures(t *testing.T) {
	r := sampleRun()
	b, err := ReportXLSX(r)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := ReportXLSX(r); !bytes.Equal(again, b) {
		t.Fatal("the same run gave another workbook")
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 1 || sheets[0] != "Uitbetaling" {
		t.Fatalf("sheets %v", sheets)
	}
	plain, _ := Report(r)
	want, err := csv.NewReader(bytes.NewReader(plain)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows("Uitbetaling", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want) || len(rows[0]) != len(reportXLSXHeader) || rows[0][0] != "Winkel-id" {
		t.Fatalf("%d rows (want %d), header %v", len(rows), len(want), rows[0])
	}
	for i := 1; i < len(want); i++ {
		for col := 2; col <= 8; col++ { // counts and euros: the same number as in the CSV
			got, err1 := strconv.ParseFloat(rows[i][col], 64)
			exp, err2 := strconv.ParseFloat(want[i][col], 64)
			if err1 != nil || err2 != nil || got != exp {
				t.Errorf("row %d column %d: %q in the workbook, %q in the CSV", i, col, rows[i][col], want[i][col])
			}
			cell, _ := excelize.CoordinatesToCellName(col+1, i+1)
			if typ, _ := f.GetCellType("Uitbetaling", cell); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s is of type %v, want a number", cell, typ)
			}
		}
		if rows[i][9] != r.Reference || rows[i][12] != "4096" {
			t.Errorf("row %d: reference %q, cut-off block %q", i, rows[i][9], rows[i][12])
		}
	}
	if rows[2][1] != `=HYPERLINK("x")` {
		t.Errorf("the formula-like name is %q", rows[2][1])
	}
	if formula, _ := f.GetCellFormula("Uitbetaling", "B3"); formula != "" {
		t.Errorf("B3 holds the formula %q", formula)
	}
	if last := rows[len(rows)-1]; last[0] != "TOTAAL" || last[8] != "23.05" {
		t.Errorf("total row %v", last)
	}
	shown, _ := f.GetCellValue("Uitbetaling", "K2") // formatted as a date, not the serial number
	if shown == "" || shown == rows[1][10] {
		t.Errorf("the period's start shows as %q (raw %q), want a date", shown, rows[1][10])
	}
}
