import { describe, expect, it } from 'vitest';
import { computeQuorum, requiredForQuorum } from './quorum';

describe('quorum', () => {
  it('requires a majority of the members', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(requiredForQuorum)).toEqual([1, 1, 2, 2, 3, 3, 6]);
  });

  it('counts members present in person or remotely, never guests or non-members', () => {
    const members = new Set(['a', 'b', 'c']);
    const q = computeQuorum(members, [
      { personId: 'a', presence: 'remote', isGuest: false },
      { personId: 'b', presence: 'excused', isGuest: false },
      { personId: 'c', presence: 'in_person', isGuest: true },
      { personId: 'x', presence: 'in_person', isGuest: false },
    ]);
    expect(q).toEqual({ members: 3, present: 1, required: 2, isReached: false });
    const reached = computeQuorum(members, [
      { personId: 'a', presence: 'remote', isGuest: false },
      { personId: 'c', presence: 'in_person', isGuest: false },
    ]);
    expect(reached).toEqual({ members: 3, present: 2, required: 2, isReached: true });
  });
});
