import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite runs PostgreSQL inside one process: two processes on one data directory would corrupt it.
 * A pid file taken with O_EXCL guards the directory, like PostgreSQL's own postmaster.pid; a file
 * left by a killed process is recognised because its pid is no longer alive, so a kill -9 never
 * locks the data out. (proper-lockfile's mtime staleness would keep it locked for seconds.)
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is in use by another Tanzim process (pid ${pid}). Stop it first, or choose another --data-dir.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tanzim.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid: number;
      try {
        pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      // Rename is atomic: of two processes clearing the same stale file, one wins; the other retries
      // and then finds the winner's live pid.
      const stale = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, stale);
        fs.rmSync(stale, { force: true });
      } catch {
        /* another process cleared it first */
      }
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
