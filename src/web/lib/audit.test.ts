import { describe, expect, it } from 'vitest';
import { auditDiff, auditValueText, shortId } from './audit';

describe('auditDiff', () => {
  it('marks the keys whose value changed and keeps the others', () => {
    const lines = auditDiff({ id: 'b1', status: 'preparatory', nameFr: 'Comité' }, { id: 'b1', status: 'dissolved', nameFr: 'Comité' });
    expect(lines).toEqual([
      { key: 'id', before: 'b1', after: 'b1', isChanged: false },
      { key: 'status', before: 'preparatory', after: 'dissolved', isChanged: true },
      { key: 'nameFr', before: 'Comité', after: 'Comité', isChanged: false },
    ]);
  });

  it('shows a creation as every key changed from nothing', () => {
    expect(auditDiff(null, { id: 'p1', birthYear: 1980 })).toEqual([
      { key: 'id', before: undefined, after: 'p1', isChanged: true },
      { key: 'birthYear', before: undefined, after: 1980, isChanged: true },
    ]);
  });

  it('adds the keys that only one side has', () => {
    const lines = auditDiff({ endsOn: null }, { endsOn: '2026-11-25', note: 'x' });
    expect(lines.map((l) => [l.key, l.isChanged])).toEqual([
      ['endsOn', true],
      ['note', true],
    ]);
  });

  it('compares nested values by content', () => {
    expect(auditDiff({ aliases: ['a'] }, { aliases: ['a'] })[0]?.isChanged).toBe(false);
  });

  it('puts a scalar, such as a setting, under one line', () => {
    expect(auditDiff(false, true)).toEqual([{ key: 'value', before: false, after: true, isChanged: true }]);
    expect(auditDiff(null, true)).toEqual([{ key: 'value', before: undefined, after: true, isChanged: true }]);
  });
});

describe('auditValueText and shortId', () => {
  it('writes values on one line', () => {
    expect(auditValueText(null)).toBe('—');
    expect(auditValueText(undefined)).toBe('—');
    expect(auditValueText(false)).toBe('false');
    expect(auditValueText(['a', 'b'])).toBe('["a","b"]');
    expect(auditValueText('•••')).toBe('•••');
  });

  it('shortens an id', () => {
    expect(shortId('995e28bd-5136-4f27-8246-14e24ab41904')).toBe('995e28bd');
    expect(shortId(null)).toBe('—');
  });
});
