/** A message as a scenario writes it: "…" stands for any text (task ids, deployment ids, instance ids). */
export function messagePattern(pattern: string): RegExp {
  const escaped = pattern.trim().split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.+?')}$`);
}
