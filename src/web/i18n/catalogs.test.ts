import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

type Catalog = { [key: string]: string | Catalog };

function keysOf(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholdersOf(catalog: Catalog): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (node: Catalog, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') {
        found.set(`${prefix}${key}`, [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(','));
      } else walk(value, `${prefix}${key}.`);
    }
  };
  walk(catalog, '');
  return found;
}

describe('translation catalogs', () => {
  const reference = keysOf(ar).sort();

  it.each([
    ['fr', fr],
    ['en', en],
  ])('%s has exactly the keys of the Arabic reference', (_name, catalog) => {
    expect(keysOf(catalog as Catalog).sort()).toEqual(reference);
  });

  it.each([
    ['fr', fr],
    ['en', en],
  ])('%s uses the same placeholders as the Arabic reference', (_name, catalog) => {
    expect(placeholdersOf(catalog as Catalog)).toEqual(placeholdersOf(ar));
  });

  it('has no empty string', () => {
    for (const catalog of [ar, fr, en] as Catalog[]) {
      const empty = [...placeholdersOf(catalog).keys()].filter((key) => {
        const value = key.split('.').reduce<string | Catalog | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), catalog);
        return value === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
