/**
 * Only one process may open a PGlite directory. A lock file holds the owner's PID; it is created with
 * O_EXCL so two processes starting at the same instant cannot both win. A lock left by a process that no
 * longer exists (crash, kill -9) is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  release(): void;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): { ok: true; lock: DirLock } | { ok: false; pid: number } {
  const file = path.join(dir, 'vinhdanh.lock');
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
      return { ok: true, lock: { release } };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (pid === process.pid) return { ok: false, pid };
      if (alive(pid)) return { ok: false, pid };
      // Stale lock from a dead process: remove and retry.
      try {
        fs.unlinkSync(file);
      } catch {
        /* raced with another starter */
      }
    }
  }
  return { ok: false, pid: -1 };
}
