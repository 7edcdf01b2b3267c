import { describe, it } from 'vitest';
import { replay } from './replay.js';

/**
 * Shrunk runs a property once failed on, replayed as they were printed: each broke an invariant before its
 * engine fix and must keep holding every one.
 */
const counterexamples: Array<{ property: string; found: string; run: string }> = [
  {
    property: 'invariants under chaos',
    found: "UpdateService took a revision without the container port of the service's load balancer (s2), whose tasks then took over the targets of another service (s3), which never reached a steady state",
    run: '{"seed":1,"cluster":{"fargate":false,"groups":[{"instanceType":"t3.medium","count":1,"zones":1,"lifecycle":"on-demand","spotInstanceDraining":false}]},"ops":[{"op":"registerTaskDefinition","family":"web","image":"img-a","cpu":128,"memory":128,"ports":"static","healthCheck":false},{"op":"registerTaskDefinition","family":"api","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"registerTaskDefinition","family":"worker","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"registerFargateTaskDefinition","image":"img-a"},{"op":"createService","service":"s1","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":false,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"createService","service":"s3","family":"web","desiredCount":1,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":true,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"createService","service":"s2","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":true,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"registerTaskDefinition","family":"web","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"updateService","service":"s2","revision":2,"desiredCount":1},{"op":"runTask","family":"web","count":1},{"op":"createService","service":"s1","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":false,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"advance","seconds":1},{"op":"createService","service":"s1","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":false,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"createService","service":"s1","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":false,"autoScalingGroup":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false}]}',
  },
  {
    property: 'invariants under chaos',
    found: 'UpdateService refused to force a new deployment of a blue/green service (s2) only after setting its desired count, so a refused call started a task',
    run: '{"seed":1,"cluster":{"fargate":false,"groups":[{"instanceType":"t3.medium","count":1,"zones":1,"lifecycle":"on-demand","spotInstanceDraining":false}]},"ops":[{"op":"registerTaskDefinition","family":"web","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"registerTaskDefinition","family":"api","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"registerTaskDefinition","family":"worker","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"registerFargateTaskDefinition","image":"img-a"},{"op":"createService","service":"s1","family":"web","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":false,"autoScalingGroup":false,"blueGreen":false,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"registerTaskDefinition","family":"worker","image":"img-a","cpu":128,"memory":128,"ports":"dynamic","healthCheck":false},{"op":"createService","service":"s2","family":"worker","desiredCount":0,"strategy":"default","distinctInstance":false,"fargateWeights":[0,1],"loadBalanced":true,"autoScalingGroup":false,"blueGreen":true,"minimumHealthyPercent":0,"maximumPercent":100,"daemon":false},{"op":"updateService","service":"s2","desiredCount":1,"forceNewDeployment":true},{"op":"blueGreenDeploy","service":"s1","revision":1,"config":"ECSAllAtOnce","green":0},{"op":"blueGreenDeploy","service":"s1","revision":1,"config":"ECSAllAtOnce","green":0},{"op":"registerTaskDefinition","family":"web","image":"img-a","cpu":128,"memory":128,"ports":"none","healthCheck":false},{"op":"advance","seconds":1},{"op":"updateService","service":"s1"}]}',
  },
];

describe('runs the properties once failed on', () => {
  it.each(counterexamples)('$found', ({ property, run }) => {
    replay(property, run);
  });
});
