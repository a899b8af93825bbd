/**
 * The registry: every shipped process, each one plug-in (docs/adding-a-process.md). This is the
 * one place a process is added; `ProcessName` and `RoleName` derive from it, and commands take
 * it as their default table (tests pass their own).
 */
import type { PluginTable } from '../process/plugin.ts';
import { cmReqOffPlugin } from './cm-req-off/plugin.ts';
import { dh831Plugin } from './dh-831/plugin.ts';

export const PROCESSES = {
  'cm-req-off': cmReqOffPlugin,
  'dh-831': dh831Plugin,
} as const satisfies PluginTable;

/** A shipped process's name. */
export type ProcessName = keyof typeof PROCESSES;

/** A role of some shipped process. */
export type RoleName = (typeof PROCESSES)[ProcessName]['roles'][number];

export { cmReqOffPlugin, dh831Plugin };
