/** Small phrases every lab's messages share, so they read the same from lab to lab. */

/** 100 -> "1 min 40 s", 300 -> "5 min", 45 -> "45 s" */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** `arn:...:task-definition/web:2` -> `web:2` */
export function shortName(taskDefinitionArn: string): string {
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}

/** 1 -> "1 task", 3 -> "3 tasks" */
export function tasks(count: number): string {
  return count === 1 ? '1 task' : `${count} tasks`;
}
