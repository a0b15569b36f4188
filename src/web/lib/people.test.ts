import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import {
  activeFilterCount,
  ageOf,
  cleanPersonInput,
  EMPTY_PERSON,
  fieldErrorsOf,
  formatPhone,
  otherScriptName,
  peopleQueryOf,
  personName,
  withParam,
} from './people';

const both = { givenNameAr: 'إدريس', familyNameAr: 'عميمي', givenNameLatin: 'Driss', familyNameLatin: 'Amimi', title: null };
const arabicOnly = { givenNameAr: 'فاطمة', familyNameAr: 'الزهراء', givenNameLatin: null, familyNameLatin: null, title: null };
const latinOnly = { givenNameAr: null, familyNameAr: null, givenNameLatin: 'Fatima', familyNameLatin: 'Zahra', title: null };
const erased = { givenNameAr: null, familyNameAr: null, givenNameLatin: null, familyNameLatin: null, title: null };

describe('personName', () => {
  it('shows the Arabic name in Arabic and the Latin name in French and English', () => {
    expect(personName(both, 'ar')).toBe('إدريس عميمي');
    expect(personName(both, 'fr')).toBe('Driss Amimi');
    expect(personName(both, 'en')).toBe('Driss Amimi');
  });

  it('falls back to the other script when the person has names in one only', () => {
    expect(personName(latinOnly, 'ar')).toBe('Fatima Zahra');
    expect(personName(arabicOnly, 'fr')).toBe('فاطمة الزهراء');
    expect(personName(arabicOnly, 'ar')).toBe('فاطمة الزهراء');
  });

  it('never prints null: an erased person has no name', () => {
    expect(personName(erased, 'ar')).toBe('');
    expect(personName(erased, 'fr')).toBe('');
    expect(personName(null, 'fr')).toBe('');
    expect(personName({ ...latinOnly, familyNameLatin: null }, 'fr')).toBe('Fatima');
  });

  it('shows a title only beside a name in its script', () => {
    expect(personName({ ...both, title: 'الدكتور' }, 'ar')).toBe('الدكتور إدريس عميمي');
    expect(personName({ ...both, title: 'الدكتور' }, 'fr')).toBe('Driss Amimi');
    expect(personName({ ...both, title: 'Dr' }, 'en')).toBe('Dr Driss Amimi');
    expect(personName({ ...erased, title: 'Dr' }, 'en')).toBe('');
  });
});

describe('otherScriptName', () => {
  it('gives the second script only when the person has both', () => {
    expect(otherScriptName(both, 'ar')).toBe('Driss Amimi');
    expect(otherScriptName(both, 'fr')).toBe('إدريس عميمي');
    expect(otherScriptName(latinOnly, 'ar')).toBe('');
    expect(otherScriptName(arabicOnly, 'fr')).toBe('');
  });
});

describe('ageOf', () => {
  const today = new Date(2026, 10, 25);
  it('counts whole years from the birth date', () => {
    expect(ageOf({ birthDate: '1990-11-25', birthYear: 1990 }, today)).toBe(36);
    expect(ageOf({ birthDate: '1990-11-26', birthYear: 1990 }, today)).toBe(35);
  });
  it('uses the birth year when the date is unknown, and null when both are', () => {
    expect(ageOf({ birthDate: null, birthYear: 2000 }, today)).toBe(26);
    expect(ageOf({ birthDate: null, birthYear: null }, today)).toBeNull();
  });
});

describe('formatPhone', () => {
  it('groups a Moroccan number and leaves others as stored', () => {
    expect(formatPhone('+212612345678')).toBe('+212 6 12 34 56 78');
    expect(formatPhone('+33612345678')).toBe('+33612345678');
  });
});

describe('people filters in the address', () => {
  it('reads the filters the API knows and drops unknown values', () => {
    const query = peopleQueryOf(new URLSearchParams('q=%20amimi%20&status=cadre&gender=x&sector=women&ageBand=youth&feeYear=2025&consent=given&competence=Law'));
    expect(query).toEqual({
      q: 'amimi',
      territory: null,
      status: 'cadre',
      gender: null,
      sector: 'women',
      competence: 'law',
      ageBand: 'youth',
      feeYear: 2025,
      feeUnpaidYear: null,
      consent: 'given',
    });
    expect(activeFilterCount(query)).toBe(6);
  });

  it('sets and removes one parameter, keeping the others', () => {
    const params = new URLSearchParams('q=a&status=member');
    expect(withParam(params, 'status', null).toString()).toBe('q=a');
    expect(withParam(params, 'feeYear', 2024).toString()).toBe('q=a&status=member&feeYear=2024');
    expect(params.toString()).toBe('q=a&status=member');
  });
});

describe('cleanPersonInput', () => {
  it('sends blanks as null, drops empty phone lines and repeats of a competence', () => {
    const input = cleanPersonInput({
      ...EMPTY_PERSON,
      givenNameLatin: ' Driss ',
      familyNameLatin: 'Amimi',
      givenNameAr: '  ',
      cin: '',
      phones: ['0612345678', ' ', ''],
      competences: ['Law', 'law ', 'finance'],
      birthDate: '1990-05-17',
    });
    expect(input.givenNameLatin).toBe('Driss');
    expect(input.givenNameAr).toBeNull();
    expect(input.cin).toBeNull();
    expect(input.phones).toEqual(['0612345678']);
    expect(input.competences).toEqual(['law', 'finance']);
    expect(input.birthYear).toBe(1990);
  });

  it('keeps a birth year given without a date', () => {
    expect(cleanPersonInput({ ...EMPTY_PERSON, birthYear: 1985 }).birthYear).toBe(1985);
  });
});

describe('fieldErrorsOf', () => {
  it('puts each refused field beside its input', () => {
    const error = new ApiError(400, 'invalid_request', 'Invalid request', [
      { path: 'body.cin', message: 'CIN: one or two letters then 3 to 6 digits (AB123456)' },
      { path: 'body.phones.1', message: 'Not a valid phone number: 123' },
      { path: 'querystring.limit', message: 'too big' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({
      cin: 'CIN: one or two letters then 3 to 6 digits (AB123456)',
      phones: 'Not a valid phone number: 123',
    });
  });

  it('reads the fields from the message when the answer lists no issues', () => {
    const error = new ApiError(400, 'invalid_request', 'Requête invalide : body.cin: Chaîne invalide; body.phones.0: Entrée invalide');
    expect(fieldErrorsOf(error)).toEqual({ cin: 'Chaîne invalide', phones: 'Entrée invalide' });
  });

  it('puts a CIN held by someone else on the CIN field', () => {
    expect(fieldErrorsOf(new ApiError(409, 'cin_taken', 'This CIN is already registered'))).toEqual({ cin: 'This CIN is already registered' });
    expect(fieldErrorsOf(new Error('offline'))).toEqual({});
  });
});
