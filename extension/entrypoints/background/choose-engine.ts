import type { TextTask } from '../../../shared/protocol/results';
import type { FullTask } from '../../../shared/full/full-runtime';
import { fullModelIds } from '../../engine/full/full-models';
import type { DaemonState } from '../../lib/daemon-state';
import type { Route } from '../../lib/settings';

export type Engine = 'daemon' | 'browser';
export type RoutedTask = TextTask | 'captions';

export interface EngineFacts {
  daemonConnected: boolean;
  /** The daemon said (in its hello) that it has this task's full model installed. */
  daemonHasFull: boolean;
  /** This task's full model is downloaded in the browser. */
  browserHasFull: boolean;
}

/**
 * Where a task runs. `browser` and `daemon` are the user's word (a daemon that is not connected
 * means the browser, with a note). `auto`: entities and bias are small enough for the browser
 * (full tier when downloaded, lite otherwise); summaries and captions go to a daemon that has
 * the full model, else to a browser that has it, else to the daemon when connected (it reads
 * text in images), else the browser.
 */
export function chooseEngine(task: RoutedTask, route: Route, facts: EngineFacts): Engine {
  if (route === 'browser' || !facts.daemonConnected) return 'browser';
  if (route === 'daemon') return 'daemon';
  if (task === 'entities' || task === 'bias') return 'browser';
  if (facts.daemonHasFull) return 'daemon';
  return facts.browserHasFull ? 'browser' : 'daemon';
}

export function fullTaskOf(task: RoutedTask): FullTask {
  return task === 'captions' ? 'caption' : task;
}

/** Whether a connected daemon lists the catalogue's full model for `task` as installed. */
export function daemonHasFullModel(state: DaemonState, task: RoutedTask): boolean {
  if (state.status !== 'connected') return false;
  const id = fullModelIds()[fullTaskOf(task)];
  return state.engine.models.some((m) => m.tier === 'full' && m.id === id);
}
