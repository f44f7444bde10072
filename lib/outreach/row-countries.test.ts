import { describe, expect, it } from "vitest";
import { columnsOf, dataRowsOf, guessTextColumn, parseCsvTable } from "./csv";
import { prepareFromCsv } from "./prepare";
import { countryCell, describeRowCountry, guessCountryColumn, servicesCountry } from "./row-countries";

function prepare(csv: string, countryColumn?: number | null) {
  const table = parseCsvTable(csv);
  const columns = columnsOf(table, true);
  const rows = dataRowsOf(table, true);
  const text = guessTextColumn(columns, rows);
  const country = countryColumn === undefined ? guessCountryColumn(columns) : countryColumn;
  return prepareFromCsv(rows, text, columns[text]!.name, country === null ? undefined : columns[country]);
}

const CSV = [
  "post,country",
  "I can't stop thinking about ending it all tonight,Canada",
  "My anxiety is through the roof before every exam,gb",
  "Nobody at school talks to me anymore,",
  "I haven't slept properly in weeks and everything feels grey,Narnia",
  "Work is crushing me and I cry in the car every morning,Germany",
  "Some days I can't get out of bed at all,Atlantis",
  "I keep thinking everyone would be better off without me,Narnia",
].join("\n");

describe("a country per row from a CSV column", () => {
  it("finds the column named country and sets each row's country from names and codes", () => {
    const batch = prepare(CSV);
    expect(batch.posts.map((p) => [p.row, p.country])).toEqual([
      [2, "CA"],
      [3, "GB"],
      [4, undefined],
      [5, undefined],
      [6, "DE"],
      [7, undefined],
      [8, undefined],
    ]);
  });

  it("lists unrecognised values with their rows in one warning, and says where the other rows' country comes from", () => {
    const { notices } = prepare(CSV);
    const unknown = notices.find((n) => n.code === "unknown-country")!;
    expect(unknown.level).toBe("warning");
    expect(unknown.rows).toEqual([5, 7, 8]);
    expect(unknown.message).toContain("rows 5, 7 and 8");
    expect(unknown.message).toContain("“Narnia”, “Atlantis”");
    expect(unknown.message).toContain("country chosen in step 2");
    expect(notices.find((n) => n.code === "row-countries")?.message).toBe(
      "3 rows take their country from the column “country”; other rows use the country chosen in step 2.",
    );
    expect(notices.some((n) => n.level === "error")).toBe(false);
  });

  it("ignores the country column when the worker chooses none, or when it is the posts' own column", () => {
    expect(prepare(CSV, null).posts.every((p) => p.country === undefined)).toBe(true);
    expect(prepare(CSV, null).notices).toEqual([]);
    const table = parseCsvTable(CSV);
    const columns = columnsOf(table, true);
    const batch = prepareFromCsv(dataRowsOf(table, true), 0, "post", columns[0]);
    expect(batch.posts.every((p) => p.country === undefined)).toBe(true);
  });

  it("checks only rows that hold a post: a skipped row's country raises no warning", () => {
    const batch = prepare("text,Country\n,Narnia\nI feel so alone lately,us\n");
    expect(batch.posts.map((p) => p.country)).toEqual(["US"]);
    expect(batch.notices.map((n) => n.code)).toEqual(["row-countries", "empty-cells"]);
  });

  it("never guesses a column that is not named like a country", () => {
    const columns = columnsOf(parseCsvTable("post,place,region\nx,GB,GB\n"), true);
    expect(guessCountryColumn(columns)).toBeNull();
    expect(guessCountryColumn(columnsOf(parseCsvTable("post, Country_Code \nx,GB\n"), true))).toBe(1);
  });

  it("quotes a long unrecognised value shortened, and counts the values it does not quote", () => {
    const long = "z".repeat(60);
    const rows = ["post,country", `a post,${long}`, "b post,Xanadu", "c post,Oz", "d post,Lilliput"];
    const unknown = prepare(rows.join("\n")).notices.find((n) => n.code === "unknown-country")!;
    expect(unknown.message).toContain(`“${"z".repeat(40)}…”`);
    expect(unknown.message).toContain("and 1 other value");
  });
});

describe("a row's country in the results", () => {
  it("uses the country's own services where it has them, else the international ones", () => {
    expect(servicesCountry("CA")).toBe("CA");
    expect(servicesCountry("DE")).toBe("");
    expect(servicesCountry("ZZ")).toBe("");
    expect(servicesCountry("")).toBe("");
  });

  it("names the country, says when its services are international, and writes a name the CSV reads back", () => {
    expect(describeRowCountry("CA")).toBe("Canada");
    expect(describeRowCountry("DE")).toBe("Germany (international services)");
    expect(describeRowCountry("")).toBe("Other or unknown");
    expect(describeRowCountry("ZZ")).toBe("Other or unknown");
    expect(countryCell("GB")).toBe("United Kingdom");
    expect(countryCell("ZZ")).toBe("");
    expect(countryCell("")).toBe("");
  });
});
