import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { InputError } from './errors.js';

/** The files of a report folder: relative names (they may hold sub-folders) and contents. */
export type ReportFiles = Readonly<Record<string, string | Uint8Array>>;

/**
 * A report folder on its way: a temporary sibling folder exists from the start of the run (so an
 * output folder that cannot be written fails before hours of work, not after), the files go into
 * it, and one rename puts it in place.
 */
export interface StagedDir {
  /** the report folder, absolute */
  readonly target: string;
  /** the temporary sibling folder, `.<name>.tmp-<pid>-<stamp>` */
  readonly tmp: string;
  /**
   * Writes the files into the temporary folder and renames it over the target (the previous
   * report, if any, is moved aside first and removed after). Refuses, writing nothing, when
   * `signal` says the run was stopped or a file name would leave the folder. Returns the target.
   */
  commit(files: ReportFiles, signal?: AbortSignal): string;
  /** Removes the temporary folder (and the parent folders staging created) if still there. */
  discard(): void;
}

/** Whether a process with this id is running (signal 0 tests without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tidies what a run killed without warning (SIGKILL, a power cut) left beside `target`: its
 * temporary folders are removed, and a previous report moved aside is put back if no report
 * replaced it. Only folders of processes that are no longer running are touched.
 */
function recoverStale(target: string): void {
  const parent = dirname(target);
  const name = basename(target);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(
    `^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-[a-z0-9]+$`,
  );
  for (const entry of readdirSync(parent)) {
    const m = pattern.exec(entry);
    if (m === null || alive(Number(m[2]))) continue;
    const path = join(parent, entry);
    if (m[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/** The file names of a report checked: relative, inside the folder, no NUL. */
function checkNames(target: string, files: ReportFiles): void {
  for (const name of Object.keys(files)) {
    const full = resolve(target, name);
    if (!full.startsWith(target + sep) || name.includes('\0')) {
      throw new InputError({
        code: 'E_WRITE',
        message: 'a report file name would leave the report folder',
        location: { file: target },
        expected: 'a name inside the folder',
        found: JSON.stringify(name),
      });
    }
  }
}

/**
 * Starts writing the report folder `dir`: creates its temporary sibling now. Call `commit` with
 * the files when they are ready, and `discard` in a `finally`, so that a run that fails or is
 * stopped leaves the previous complete report (or none) and no temporary folder.
 */
export function stageReportDir(dir: string): StagedDir {
  const target = resolve(dir);
  const parent = dirname(target);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${stamp}`);
  const old = join(parent, `.${basename(target)}.old-${stamp}`);
  let made: string | undefined;
  try {
    made = mkdirSync(parent, { recursive: true });
    recoverStale(target);
    mkdirSync(tmp);
  } catch (e) {
    throw new InputError({
      code: 'E_WRITE',
      message: `cannot write the report folder: ${(e as Error).message}`,
      location: { file: dir },
      expected: 'a folder that can be written',
      found: (e as NodeJS.ErrnoException).code ?? 'an error',
    });
  }
  let done = false;
  return {
    target,
    tmp,
    commit(files, signal) {
      signal?.throwIfAborted();
      checkNames(target, files);
      try {
        for (const [name, content] of Object.entries(files)) {
          const full = join(tmp, name);
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
        if (existsSync(target)) renameSync(target, old);
        renameSync(tmp, target);
        done = true;
        rmSync(old, { recursive: true, force: true });
      } catch (e) {
        if (!existsSync(target) && existsSync(old)) renameSync(old, target);
        throw new InputError({
          code: 'E_WRITE',
          message: `cannot write the report: ${(e as Error).message}`,
          location: { file: dir },
          expected: 'a folder that can be written',
          found: (e as NodeJS.ErrnoException).code ?? 'an error',
        });
      }
      return target;
    },
    discard() {
      rmSync(tmp, { recursive: true, force: true });
      if (done || made === undefined) return;
      // the folders staging created for nothing: from the report's parent up to the first made
      for (let d = parent; d.startsWith(made); d = dirname(d)) {
        try {
          rmdirSync(d);
        } catch {
          break; // not empty: something else lives there
        }
        if (d === made) break;
      }
    },
  };
}

/**
 * Writes a report folder atomically: every file goes into a temporary sibling folder, which is
 * then renamed over the old one. A run that stops before the rename leaves the previous complete
 * report (or none); the window between moving the old folder aside and moving the new one in is
 * two renames long. File names may not leave the folder.
 */
export function writeReportDir(dir: string, files: ReportFiles, signal?: AbortSignal): string {
  const staged = stageReportDir(dir);
  try {
    return staged.commit(files, signal);
  } finally {
    staged.discard();
  }
}
