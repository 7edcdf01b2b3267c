import { EcsError } from '../kernel/errors.js';
import type { SimContext } from '../kernel/context.js';
import { optionalString, requireObject } from '../kernel/fields.js';

/** Amazon EFS: file systems tasks mount; what is written there outlives the tasks. */
export function createFileSystem(ctx: SimContext, input: { CreationToken: string }) {
  const token = optionalString(requireObject(input, 'request').CreationToken, 'CreationToken');
  if (!token) throw new EcsError('InvalidParameterException', 'CreationToken is required.', 'CreationToken');
  const id = `fs-${ctx.random.hex(17)}`;
  const arn = `arn:aws:elasticfilesystem:${ctx.region}:${ctx.accountId}:file-system/${id}`;
  ctx.state.storage.fileSystems.set(id, { id, arn, files: new Map() });
  return { FileSystemId: id, FileSystemArn: arn, LifeCycleState: 'available', CreationToken: token };
}

/** Before containers start: every EFS volume must name a file system that exists. */
export function volumeFailure(ctx: SimContext, volumes: ReadonlyArray<{ efsVolumeConfiguration?: { fileSystemId: string } }> | undefined): string | undefined {
  const missing = (volumes ?? []).find((v) => v.efsVolumeConfiguration && !ctx.state.storage.fileSystems.has(v.efsVolumeConfiguration.fileSystemId));
  return missing
    ? `ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "${missing.efsVolumeConfiguration!.fileSystemId}.efs.${ctx.region}.amazonaws.com"`
    : undefined;
}
