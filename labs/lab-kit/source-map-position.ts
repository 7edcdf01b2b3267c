/**
 * Where a place in compiled JavaScript came from in the learner's TypeScript, read from the compiler's source
 * map (version 3, one source), so that an error points at the line the learner wrote.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One segment's numbers: Base64 VLQ, 5 bits a digit, the lowest bit of the value its sign. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** 1-based line and column in, 1-based out; undefined where the map says nothing. */
export function originalPosition(mappings: string, line: number, column: number): { line: number; column: number } | undefined {
  let sourceLine = 0;
  let sourceColumn = 0;
  let found: { line: number; column: number } | undefined;
  const lines = mappings.split(';');
  for (let generatedLine = 0; generatedLine < lines.length && generatedLine < line; generatedLine++) {
    let generatedColumn = 0;
    for (const segment of lines[generatedLine].split(',')) {
      if (segment === '') continue;
      const [columnDelta, , lineDelta = 0, sourceColumnDelta = 0] = decodeSegment(segment);
      generatedColumn += columnDelta;
      sourceLine += lineDelta;
      sourceColumn += sourceColumnDelta;
      // The last segment at or before the column, on the line asked for.
      if (generatedLine === line - 1 && generatedColumn <= column - 1) found = { line: sourceLine + 1, column: sourceColumn + 1 };
    }
  }
  return found;
}
