import { readdir, readFile } from 'node:fs/promises';

/** One live process of a process group, as /proc describes it. */
export interface GroupMember {
  pid: number;
  rssBytes: number;
}

/** True where /proc describes processes (Linux). */
export const hasProcfs = process.platform === 'linux';

/**
 * The live (not zombie) members of a process group with their resident memory, read from /proc.
 * Orphaned grandchildren keep their group id, so they are found even after their parent exited.
 */
export async function groupMembers(pgid: number): Promise<GroupMember[]> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return [];
  }
  const members = await Promise.all(
    names.filter((name) => /^\d+$/.test(name)).map(async (name) => memberOf(Number(name), pgid))
  );
  return members.filter((m): m is GroupMember => m !== null);
}

async function memberOf(pid: number, pgid: number): Promise<GroupMember | null> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (Number(fields[2]) !== pgid || fields[0] === 'Z' || fields[0] === 'X') return null;
  let rssBytes: number;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    rssBytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return null;
  }
  return { pid, rssBytes };
}

/** True while any process of the group is alive (and not a zombie, where /proc can tell). */
export async function groupAlive(pgid: number): Promise<boolean> {
  if (hasProcfs) return (await groupMembers(pgid)).length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends a signal to every process of a group; a group already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nothing left to signal.
  }
}
