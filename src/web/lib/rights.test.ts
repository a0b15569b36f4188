import { describe, expect, it } from 'vitest';
import { canReadAll, canWrite, canWriteSomewhere, isAdmin, type RoleOnTerritory } from './rights';

// Sefrou province (03451) in Fès-Meknès (03); Immouzzer-Kandar commune (034510105) in Sefrou.
const FES_MEKNES = { code: '03' };
const SEFROU = { code: '03451' };
const COMMUNE_ANCESTORS = [{ code: 'MA' }, FES_MEKNES, SEFROU];
const PROVINCE_ANCESTORS = [{ code: 'MA' }, FES_MEKNES];

const officer = (scopeCode: string): RoleOnTerritory => ({ role: 'officer', scopeCode });

describe('canWrite', () => {
  it('lets an officer write on their territory and everything inside it', () => {
    expect(canWrite([officer('03451')], '03451', PROVINCE_ANCESTORS)).toBe(true);
    expect(canWrite([officer('03451')], '034510105', COMMUNE_ANCESTORS)).toBe(true);
    expect(canWrite([officer('03')], '034510105', COMMUNE_ANCESTORS)).toBe(true);
  });

  it('refuses a territory above or beside the officer’s', () => {
    expect(canWrite([officer('03451')], '03', [{ code: 'MA' }])).toBe(false);
    expect(canWrite([officer('03451')], 'MA', [])).toBe(false);
    expect(canWrite([officer('03451')], '04', [{ code: 'MA' }])).toBe(false);
    expect(canWrite([officer('034510105')], '034510101', COMMUNE_ANCESTORS)).toBe(false);
  });

  it('lets a national officer and any administrator write everywhere', () => {
    expect(canWrite([officer('MA')], '034510105', COMMUNE_ANCESTORS)).toBe(true);
    expect(canWrite([{ role: 'admin', scopeCode: 'MA' }], '03', [{ code: 'MA' }])).toBe(true);
    expect(canWrite([{ role: 'admin', scopeCode: '04' }], '03', [{ code: 'MA' }])).toBe(true);
  });

  it('never lets a reader write, even on their own territory', () => {
    expect(canWrite([{ role: 'reader', scopeCode: '03451' }], '03451', PROVINCE_ANCESTORS)).toBe(false);
    expect(canWrite([{ role: 'reader', scopeCode: 'MA' }], '03451', PROVINCE_ANCESTORS)).toBe(false);
  });

  it('takes any one of several grants, and refuses without grants', () => {
    expect(canWrite([{ role: 'reader', scopeCode: 'MA' }, officer('03')], '03451', PROVINCE_ANCESTORS)).toBe(true);
    expect(canWrite([], '03451', PROVINCE_ANCESTORS)).toBe(false);
  });
});

describe('canReadAll', () => {
  it('reads all of a territory inside a grant of any role', () => {
    expect(canReadAll([{ role: 'reader', scopeCode: '03' }], '03451', PROVINCE_ANCESTORS)).toBe(true);
    expect(canReadAll([{ role: 'reader', scopeCode: 'MA' }], '03', [{ code: 'MA' }])).toBe(true);
    expect(canReadAll([{ role: 'admin', scopeCode: '04' }], '03', [{ code: 'MA' }])).toBe(true);
  });

  it('reads only part of a territory that contains the grant', () => {
    expect(canReadAll([officer('03451')], '03', [{ code: 'MA' }])).toBe(false);
    expect(canReadAll([officer('03451')], 'MA', [])).toBe(false);
    expect(canReadAll([], '03451', PROVINCE_ANCESTORS)).toBe(false);
  });
});

describe('isAdmin and canWriteSomewhere', () => {
  it('tells administrators, officers and readers apart', () => {
    expect(isAdmin([{ role: 'admin', scopeCode: 'MA' }])).toBe(true);
    expect(isAdmin([officer('MA')])).toBe(false);
    expect(canWriteSomewhere([officer('034510105')])).toBe(true);
    expect(canWriteSomewhere([{ role: 'reader', scopeCode: 'MA' }])).toBe(false);
    expect(canWriteSomewhere([])).toBe(false);
  });
});
