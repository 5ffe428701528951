/**
 * A small RFC 4180 reader: quoted fields may hold the delimiter, line breaks and doubled
 * quotes; records end with CRLF, LF or a lone CR (old Mac exports); a leading byte-order
 * mark is dropped. Lenient where spreadsheets are sloppy (a stray quote inside an unquoted
 * field is kept as text), strict only where data would be lost (a quote never closed).
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file on which this record starts (a quoted field may span lines). */
  line: number;
}

export interface CsvOptions {
  /** One character; `,` unless told. */
  delimiter?: string;
}

/** Thrown when the text cannot be read as CSV at all: a quoted field that never closes. */
export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based line where the faulty record starts. */
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvParseError';
  }
}

const BOM = '\uFEFF';

/**
 * Parses CSV text into records with the line each starts on. Blank lines are skipped:
 * spreadsheets leave them at the end and they never hold data.
 * @example parseCsvRecords('name\r\n"Grid, Flex"\n') // [{ fields: ['name'], line: 1 }, { fields: ['Grid, Flex'], line: 2 }]
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new Error(`Unusable CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  // Whether the current record has any content yet; a blank line is not a record.
  let started = false;
  let i = 0;
  const n = src.length;

  const endRecord = () => {
    fields.push(field);
    if (started) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    started = false;
  };

  while (i < n) {
    const c = src[i]!;
    if (c === '"' && field === '') {
      // A quoted field: read to the closing quote, keeping delimiters and line breaks.
      started = true;
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (q === '\r' || q === '\n') {
          // Keep the break as the file wrote it, but count CRLF as one line.
          if (q === '\r' && src[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
          } else {
            field += q;
            i++;
          }
          line++;
          continue;
        }
        field += q;
        i++;
      }
      if (!closed) {
        throw new CsvParseError(
          `A quoted field opened on line ${openedOn} never closes.`,
          recordLine,
        );
      }
      // Text after the closing quote (`"a"b`) is not RFC 4180; keep it rather than lose it.
      continue;
    }
    if (c === delimiter) {
      started = true;
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    started = true;
    field += c;
    i++;
  }
  if (started || field !== '') endRecord();
  return records;
}

/**
 * Parses CSV text into rows of fields.
 * @example parseCsv('a,b\n1,"x ""y"""') // [['a', 'b'], ['1', 'x "y"']]
 */
export function parseCsv(text: string, options: CsvOptions = {}): string[][] {
  return parseCsvRecords(text, options).map((r) => r.fields);
}

/**
 * The delimiter a CSV file most likely uses, judged from its first line outside quotes:
 * comma, semicolon (spreadsheets in comma-decimal locales) or tab (O*NET's text files).
 * @example detectCsvDelimiter('name;uri;aliases\n') // ';'
 */
export function detectCsvDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const c of text.startsWith(BOM) ? text.slice(1) : text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, count] of counts) if (count > counts.get(best)!) best = d;
  return best;
}
