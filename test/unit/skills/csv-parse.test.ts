import { describe, expect, it } from 'vitest';
import {
  CsvParseError,
  detectCsvDelimiter,
  parseCsv,
  parseCsvRecords,
} from '../../../lib/skills/csv-parse';

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    [
      'plain rows',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'lone CR line ends',
      'a,b\r1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['a byte-order mark', '\uFEFFname\nCSS', [['name'], ['CSS']]],
    ['commas inside quotes', '"Grid, Flex",x', [['Grid, Flex', 'x']]],
    ['doubled quotes', '"say ""hola""",x', [['say "hola"', 'x']]],
    [
      'a line break inside quotes',
      '"one\ntwo",x\ny,z',
      [
        ['one\ntwo', 'x'],
        ['y', 'z'],
      ],
    ],
    ['a CRLF inside quotes', '"one\r\ntwo",x', [['one\r\ntwo', 'x']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['an empty quoted field', '"",a', [['', 'a']]],
    ['blank lines', 'a\n\n\nb\n\n', [['a'], ['b']]],
    ['a stray quote inside an unquoted field', 'ab"c,d', [['ab"c', 'd']]],
    ['accents and emoji', 'Café,naïve 🎉', [['Café', 'naïve 🎉']]],
    ['nothing', '', []],
  ])('reads %s', (_label, text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('reads other delimiters', () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ';' })).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\tb', { delimiter: '\t' })).toEqual([['a', 'b']]);
  });

  it('gives the line each record starts on, counting breaks inside quotes', () => {
    const records = parseCsvRecords('h1,h2\n"multi\nline",x\r\n\nlast,y');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('refuses a quoted field that never closes, naming its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(CsvParseError);
    try {
      parseCsv('a\nb\n"open');
    } catch (e) {
      expect((e as CsvParseError).line).toBe(3);
    }
  });

  it('refuses a delimiter that cannot work', () => {
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow();
    expect(() => parseCsv('a', { delimiter: ',,' })).toThrow();
  });
});

describe('detectCsvDelimiter', () => {
  it.each([
    ['name,uri,aliases\n', ','],
    ['name;uri;aliases\n', ';'],
    ['Element ID\tElement Name\tDescription\n', '\t'],
    ['"a;b",c\n', ','],
    ['\uFEFFname;uri\n', ';'],
    ['name\n', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectCsvDelimiter(text)).toBe(delimiter);
  });
});
