// What Linux's /proc says about the platform's processes: a process's children (the gateway's workers),
// its resident memory and the CPU time it has used. For tests and benchmarks; Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The ids of the processes whose parent is `pid`, in ascending order. */
export function childProcesses(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of stat is the parent's id (index 1 once the pid and command are cut off).
    if (statFields(Number(entry))?.[1] === String(pid)) children.push(Number(entry));
  }
  return children.sort((a, b) => a - b);
}

/** The process's resident set (VmRSS) in KiB, or null once it has gone. */
export function residentKiB(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** CPU time (user and system) the process has used, in clock ticks (100 a second on Linux), or 0 once it has gone. */
export function cpuTicks(pid: number): number {
  const fields = statFields(pid);
  // utime and stime are fields 14 and 15 of stat.
  return fields ? Number(fields[11]) + Number(fields[12]) : 0;
}
