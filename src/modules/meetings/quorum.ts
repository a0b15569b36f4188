/**
 * The quorum rule of a meeting: a majority of the organizing body's members (people holding a mandate
 * in it on the meeting's day) present, in person or remotely. Guests never count.
 */
export function requiredForQuorum(members: number): number {
  return Math.floor(members / 2) + 1;
}

/** Presences that count towards the quorum. */
export const COUNTED_PRESENCES: ReadonlySet<string> = new Set(['in_person', 'remote']);

export interface Quorum {
  members: number;
  present: number;
  required: number;
  isReached: boolean;
}

/** The quorum from the members' ids and the attendance recorded (guest entries left out). */
export function computeQuorum(memberIds: ReadonlySet<string>, attendance: ReadonlyArray<{ personId: string; presence: string; isGuest: boolean }>): Quorum {
  const present = new Set(attendance.filter((a) => !a.isGuest && COUNTED_PRESENCES.has(a.presence) && memberIds.has(a.personId)).map((a) => a.personId)).size;
  const required = requiredForQuorum(memberIds.size);
  return { members: memberIds.size, present, required, isReached: present >= required };
}
