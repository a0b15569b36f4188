import { describe, expect, it } from 'vitest';
import { guessColumns, normalizeHeader } from './import-fields';
import { CsvScanner } from './row-reader';
import { parseDate, Uuid7 } from './row-validator';

describe('the CSV reader', () => {
  const scan = (text: string, delimiter = ',') => {
    const scanner = new CsvScanner(delimiter);
    // Fed in small pieces, as a stream would: records may straddle chunks.
    const out = [];
    for (let i = 0; i < text.length; i += 3) out.push(...scanner.push(text.slice(i, i + 3)));
    out.push(...scanner.push('', true));
    return out;
  };

  it('keeps line numbers across quoted line breaks, doubled quotes and CRLF', () => {
    expect(scan('a,b\r\n"x\ny","say ""hi"""\r\n3,4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', 'say "hi"'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('reports an unclosed quote as one unreadable line and reads on', () => {
    const rows = scan(`a;b\n1;"never closed${'x'.repeat(70_000)}\n2;3\n`, ';');
    expect(rows[0]).toEqual({ line: 1, cells: ['a', 'b'] });
    expect(rows[1]).toMatchObject({ line: 2, unreadable: 'QUOTE_NOT_CLOSED' });
    expect(rows[2]).toEqual({ line: 3, cells: ['2', '3'] });
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(scan('Dar "Lkbira",5\n')).toEqual([{ line: 1, cells: ['Dar "Lkbira"', '5'] }]);
  });
});

describe('dates as spreadsheets write them', () => {
  it.each([
    ['1985-03-21', '1985-03-21'],
    ['21/03/1985', '1985-03-21'],
    ['21-3-1985', '1985-03-21'],
    ['21.03.1985', '1985-03-21'],
    ['31/02/1990', null],
    ['03/21/1985', null],
    ['hier', null],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it('reads spreadsheet dates and day numbers', () => {
    expect(parseDate(new Date(Date.UTC(1979, 10, 3)))).toBe('1979-11-03');
    expect(parseDate(29_162)).toBe('1979-11-03');
  });
});

describe('the column guess', () => {
  it('knows the usual headers in Arabic, French and English, and a second phone column', () => {
    const headers = ['الاسم العائلي', 'الاسم الشخصي', 'Prénom', 'Nom', 'Sexe', 'Date de naissance', 'N° CIN', 'Téléphone', 'Téléphone 2', 'Commune', 'E-mail', 'Whatever'];
    expect(guessColumns(headers, []).map((c) => c.field)).toEqual([
      'familyNameAr', 'givenNameAr', 'givenNameLatin', 'familyNameLatin', 'gender', 'birthDate', 'cin', 'phones', 'phones', 'communeCode', 'email', null,
    ]);
  });

  it('settles a name header without a script from the values', () => {
    expect(guessColumns(['Nom', 'Prénom'], [['العلوي', 'كريم'], ['بناني', 'سعاد']]).map((c) => c.field)).toEqual(['familyNameAr', 'givenNameAr']);
  });

  it('prefers a saved mapping, and takes a single field once', () => {
    const saved = { [normalizeHeader('Famille')]: 'familyNameLatin' };
    expect(guessColumns(['Famille', 'Nom de famille', 'Genre'], [], saved).map((c) => c.field)).toEqual(['familyNameLatin', null, 'gender']);
  });
});

describe('person ids', () => {
  it('are version 7 UUIDs in creation order', () => {
    const ids = new Uuid7();
    const list = Array.from({ length: 1000 }, () => ids.next());
    for (const id of list) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(list).size).toBe(1000);
    expect([...list].sort()).toEqual(list);
  });
});
