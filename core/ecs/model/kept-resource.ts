/** A gateway: see api/kept-resources.ts. */
export interface KeptResource {
  arn: string;
  kind: 'gateway';
  status: string;
  createdAt: number;
  updatedAt: number;
  /** What the requests that made and changed it said. */
  fields: Record<string, unknown>;
}
