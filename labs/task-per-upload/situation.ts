import type { EcsSimulator } from '../../core/index.js';
import { createLabSimulator } from '../lab-kit/lab-simulator.js';

/**
 * The account the lab starts from: a cluster on Fargate and the task definition thumbnail, whose task makes the
 * thumbnail of one photo in 30 seconds, writes it back to the bucket under thumbnails/, and exits 0.
 */
export const SITUATION = {
  family: 'thumbnail',
  bucket: 'photos',
  workSeconds: 30,
  /** Uploads that want a thumbnail. */
  photos: ['uploads/cat.jpg', 'uploads/dog.jpg', 'uploads/2026/beach.jpg'],
  /** Uploads that do not: another bucket, another folder of the bucket. */
  others: [
    { bucket: 'invoices', key: 'uploads/march.pdf' },
    { bucket: 'photos', key: 'exports/album.zip' },
  ],
} as const;

export function buildAccount(): EcsSimulator {
  const sim = createLabSimulator({ seed: 1 });
  sim.createCluster({ clusterName: 'default', capacityProviders: ['FARGATE'] });
  sim.control.registerImage('ecs-lab/thumbnail:1', { crashAfterSeconds: SITUATION.workSeconds, exitCode: 0 });
  sim.registerTaskDefinition({
    family: SITUATION.family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    containerDefinitions: [{ name: 'thumbnail', image: 'ecs-lab/thumbnail:1', essential: true }],
  });
  return sim;
}

/** What S3 sends EventBridge when an object is created (the fields the rules here look at). */
export function objectCreated(sim: EcsSimulator, bucket: string, key: string): void {
  sim.eventBridge.putEvents({ Entries: [{ Source: 'aws.s3', DetailType: 'Object Created', Resources: [`arn:aws:s3:::${bucket}`], Detail: { bucket: { name: bucket }, object: { key } } }] });
}
