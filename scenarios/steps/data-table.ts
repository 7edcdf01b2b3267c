/** A Gherkin data table with a header row, as one record per row keyed by the trimmed headers. */
export function tableRows(table: string[][]): Array<Record<string, string>> {
  const [header, ...rows] = table;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h.trim(), (row[i] ?? '').trim()])));
}
