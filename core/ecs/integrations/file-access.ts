import type { SimContext } from '../../kernel/context.js';
import type { ContainerRecord, TaskRecord } from '../model/state.js';

/**
 * The file store a container path resolves to: the EFS file system behind a mount point, a task volume
 * shared by the task's containers, or the container's own writable layer. Returns the map and the key.
 */
export function resolvePath(ctx: SimContext, task: TaskRecord, container: ContainerRecord, path: string): { files: Map<string, string>; key: string } {
  const mount = (container.definition.mountPoints ?? [])
    .filter((m) => path === m.containerPath || path.startsWith(`${m.containerPath.replace(/\/$/, '')}/`))
    .sort((a, b) => b.containerPath.length - a.containerPath.length)[0];
  const relative = mount ? path.slice(mount.containerPath.replace(/\/$/, '').length) || '/' : path;
  const volume = mount ? task.taskDefinition.volumes?.find((v) => v.name === mount.sourceVolume) : undefined;
  if (volume?.efsVolumeConfiguration) {
    const fs = ctx.state.storage.fileSystems.get(volume.efsVolumeConfiguration.fileSystemId);
    if (fs) return { files: fs.files, key: `${volume.efsVolumeConfiguration.rootDirectory ?? '/'}${relative}`.replace(/\/+/g, '/') };
  }
  const volumes = ctx.state.storage.taskVolumes.get(task.id) ?? new Map<string, Map<string, string>>();
  ctx.state.storage.taskVolumes.set(task.id, volumes);
  const name = volume ? `volume:${volume.name}` : `container:${container.name}`;
  const files = volumes.get(name) ?? new Map<string, string>();
  volumes.set(name, files);
  return { files, key: relative };
}

/** A task's own storage goes with it. */
export function discardTaskStorage(ctx: SimContext, task: TaskRecord): void {
  ctx.state.storage.taskVolumes.delete(task.id);
}
