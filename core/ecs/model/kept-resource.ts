/** A daemon or gateway (and their deployments and revisions): see api/kept-resources.ts. */
export interface KeptResource {
  arn: string;
  kind: 'daemon-task-definition' | 'daemon' | 'daemon-deployment' | 'daemon-revision' | 'gateway';
  status: string;
  createdAt: number;
  updatedAt: number;
  /** What the requests that made and changed it said. */
  fields: Record<string, unknown>;
}
