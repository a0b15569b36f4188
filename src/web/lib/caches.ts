import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { BodyKindDeclaration, Territory, TerritoryDetail } from '../api/types';

// Small reference lists that change only with a new release of the map or of the body kinds:
// fetched once per page load and shared.

let upperTerritories: Promise<Map<string, Territory>> | null = null;

function loadUpperTerritories(): Promise<Map<string, Territory>> {
  upperTerritories ??= Promise.all([
    api.territories({ level: 'region', limit: 100 }),
    api.territories({ level: 'province', limit: 200 }),
  ]).then(
    ([regions, provinces]) => new Map([...regions.items, ...provinces.items].map((t) => [t.code, t])),
    (error: unknown) => {
      upperTerritories = null;
      throw error;
    },
  );
  return upperTerritories;
}

/** Regions and provinces by code, to name the parents of a search result. Empty until loaded. */
export function useUpperTerritories(): Map<string, Territory> {
  const [names, setNames] = useState<Map<string, Territory>>(new Map());
  useEffect(() => {
    let isCurrent = true;
    loadUpperTerritories().then(
      (map) => isCurrent && setNames(map),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return names;
}

let bodyKinds: Promise<BodyKindDeclaration[]> | null = null;

export function loadBodyKinds(): Promise<BodyKindDeclaration[]> {
  bodyKinds ??= api.bodyKinds().then(
    (answer) => answer.items,
    (error: unknown) => {
      bodyKinds = null;
      throw error;
    },
  );
  return bodyKinds;
}

export function useBodyKinds(): BodyKindDeclaration[] {
  const [kinds, setKinds] = useState<BodyKindDeclaration[]>([]);
  useEffect(() => {
    let isCurrent = true;
    loadBodyKinds().then(
      (items) => isCurrent && setKinds(items),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return kinds;
}

const territoryDetails = new Map<string, Promise<TerritoryDetail>>();

/** One territory with its ancestors, asked once per page load. */
export function loadTerritory(code: string): Promise<TerritoryDetail> {
  let found = territoryDetails.get(code);
  if (!found) {
    found = api.territory(code);
    territoryDetails.set(code, found);
    found.catch(() => territoryDetails.delete(code));
  }
  return found;
}

/** These territories by code, each added as it arrives; unknown codes are left out. */
export function useTerritories(codes: readonly string[]): Map<string, TerritoryDetail> {
  const [found, setFound] = useState<Map<string, TerritoryDetail>>(new Map());
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let isCurrent = true;
    for (const code of key ? key.split(',') : []) {
      loadTerritory(code).then(
        (territory) => {
          if (isCurrent) setFound((current) => (current.has(code) ? current : new Map(current).set(code, territory)));
        },
        () => undefined,
      );
    }
    return () => {
      isCurrent = false;
    };
  }, [key]);
  return found;
}
