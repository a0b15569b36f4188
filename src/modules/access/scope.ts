import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** What a scope needs of the map: containment, and the codes of a subtree. */
export interface TerritoryTree {
  contains(root: string, code: string): boolean;
  subtreeCodes(root: string): string[];
}

/**
 * The territories a user may read or write: the union of the subtrees of some roots, or the whole
 * country. Every service and repository that lists scoped data takes one, so the filter is applied
 * where the data is read, to the rows and to their count alike.
 */
export class Scope {
  private constructor(
    readonly isAll: boolean,
    readonly roots: readonly string[],
    private readonly tree: TerritoryTree,
  ) {}

  static all(tree: TerritoryTree): Scope {
    return new Scope(true, ['MA'], tree);
  }

  static none(tree: TerritoryTree): Scope {
    return new Scope(false, [], tree);
  }

  /** The smallest set of roots: a root inside another root adds nothing. */
  static of(roots: readonly string[], tree: TerritoryTree): Scope {
    if (roots.includes('MA')) return Scope.all(tree);
    const unique = [...new Set(roots)];
    const kept = unique.filter((r) => !unique.some((other) => other !== r && tree.contains(other, r)));
    return new Scope(false, kept.sort(), tree);
  }

  get isEmpty(): boolean {
    return !this.isAll && this.roots.length === 0;
  }

  covers(code: string | null | undefined): boolean {
    if (this.isAll) return true;
    if (!code) return false;
    return this.roots.some((root) => this.tree.contains(root, code));
  }

  /** The part of the scope inside a territory: the territory itself when the scope covers it. */
  within(code: string): Scope {
    if (this.covers(code)) return Scope.of([code], this.tree);
    return Scope.of(
      this.roots.filter((r) => this.tree.contains(code, r)),
      this.tree,
    );
  }

  /** Every territory code inside the scope (not for the whole country, which needs no list). */
  codes(): string[] {
    return this.roots.flatMap((r) => this.tree.subtreeCodes(r));
  }

  /** A condition that keeps rows whose territory column lies in the scope; undefined for the whole country. */
  condition(column: AnyPgColumn): SQL | undefined {
    if (this.isAll) return undefined;
    if (this.roots.length === 0) return sql`false`;
    return inArray(column, this.codes());
  }
}
