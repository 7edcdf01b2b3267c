/**
 * Where files live: a task's own storage (lost when it stops, shared by its containers through a task
 * volume), and EFS file systems (outside any task, shared by all that mount them, surviving them).
 * Files are simple key/value entries: the simulator tracks what an application wrote, not bytes.
 */
export interface StorageState {
  fileSystems: Map<string, { id: string; arn: string; files: Map<string, string> }>;
  /** Task id -> volume name -> files. */
  taskVolumes: Map<string, Map<string, Map<string, string>>>;
}

export const createStorageState = (): StorageState => ({ fileSystems: new Map(), taskVolumes: new Map() });

declare module '../kernel/context.js' {
  interface SimState {
    storage: StorageState;
  }
}
