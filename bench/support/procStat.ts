import { readFileSync } from 'node:fs';

/** Linux accounts CPU time in clock ticks of 10 ms (USER_HZ = 100 on every common kernel). */
const MS_PER_TICK = 10;

/**
 * A process's parent and the CPU time (user + system, ms) it has used so far, from /proc/<pid>/stat;
 * undefined where there is no /proc or the process is gone. For figures that the machine's other
 * load does not stretch, unlike wall time.
 */
export function procStat(pid: number): { readonly parent: number; readonly cpuMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return undefined;
  }
}
