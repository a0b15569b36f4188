import { describe, expect, it } from 'vitest';
import { initialStatusOf, levelOfCode, nextStatuses, suggestedNames, usualKindAt } from './bodies';

describe('nextStatuses', () => {
  it('lets a preparatory committee only be dissolved: it is constituted by succession', () => {
    expect(nextStatuses('preparatory_committee', 'preparatory')).toEqual(['dissolved']);
  });

  it('lets a preparatory secretariat be constituted or dissolved', () => {
    expect(nextStatuses('local_secretariat', 'preparatory')).toEqual(['constituted', 'dissolved']);
  });

  it('keeps a dissolved body dissolved', () => {
    expect(nextStatuses('provincial_secretariat', 'dissolved')).toEqual([]);
  });
});

describe('defaults of the body form', () => {
  it('creates a preparatory committee in a commune, preparatory', () => {
    expect(usualKindAt(levelOfCode('034510101'))).toBe('preparatory_committee');
    expect(initialStatusOf('preparatory_committee')).toBe('preparatory');
  });

  it('creates a provincial secretariat in a province, constituted', () => {
    expect(usualKindAt(levelOfCode('03451'))).toBe('provincial_secretariat');
    expect(initialStatusOf('provincial_secretariat')).toBe('constituted');
  });

  it('reads the level from the code', () => {
    expect(levelOfCode('MA')).toBe('country');
    expect(levelOfCode('03')).toBe('region');
  });
});

describe('suggestedNames', () => {
  it('joins the kind and the commune the way each language does', () => {
    expect(suggestedNames('اللجنة التحضيرية', 'Comité préparatoire', { nameAr: 'البهاليل', nameFr: 'Bhalil' })).toEqual({
      nameAr: 'اللجنة التحضيرية بالبهاليل',
      nameFr: 'Comité préparatoire de Bhalil',
    });
    expect(suggestedNames('الأمانة المحلية', 'Secrétariat local', { nameAr: 'إيموزار كندر', nameFr: 'Immouzzer-Kandar' }).nameFr).toBe(
      "Secrétariat local d'Immouzzer-Kandar",
    );
  });
});
