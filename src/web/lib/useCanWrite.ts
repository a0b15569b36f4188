import { useEffect, useState } from 'react';
import { loadTerritory } from './caches';
import { canWrite } from './rights';
import { useSession } from './session';

/**
 * Whether the signed-in user may write on a resource of these territories (a body's territory; a
 * person's commune and the territories of their mandates): on any one of them, as the server decides.
 * A resource with no territory needs a national role. False while the territories are being looked up,
 * and for `null` (nothing to ask).
 */
export function useCanWrite(codes: string | readonly (string | null | undefined)[] | null): boolean {
  const { grants, canWriteSomewhere } = useSession();
  const list = codes === null ? [] : (typeof codes === 'string' ? [codes] : codes).filter((c): c is string => !!c);
  const key = codes === null ? '' : [...new Set(list.length > 0 ? list : ['MA'])].sort().join(',');
  const [answer, setAnswer] = useState<{ key: string; grants: typeof grants; canWrite: boolean } | null>(null);

  useEffect(() => {
    if (!canWriteSomewhere || !key) return;
    let isCurrent = true;
    Promise.all(key.split(',').map((code) => loadTerritory(code))).then(
      (territories) => {
        if (!isCurrent) return;
        const isAllowed = territories.some((territory) => canWrite(grants, territory.code, territory.ancestors));
        setAnswer({ key, grants, canWrite: isAllowed });
      },
      () => {
        if (isCurrent) setAnswer({ key, grants, canWrite: false });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [key, grants, canWriteSomewhere]);

  if (!canWriteSomewhere || !key) return false;
  return answer !== null && answer.key === key && answer.grants === grants && answer.canWrite;
}
