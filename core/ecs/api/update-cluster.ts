import type { SimContext } from '../../kernel/context.js';
import { requireObject } from '../../kernel/fields.js';
import { resolveCluster } from '../model/resolve.js';
import { clusterView, updateClusterSettings } from './clusters.js';

/**
 * UpdateCluster: its settings (Container Insights) act as UpdateClusterSettings does; its configuration
 * (execute command logging, managed storage) and serviceConnectDefaults are kept and given back.
 */
export function updateCluster(ctx: SimContext, input: { cluster: string; settings?: Array<{ name: 'containerInsights'; value: string }>; configuration?: unknown; serviceConnectDefaults?: unknown }) {
  const request = requireObject(input, 'request');
  if (request.settings !== undefined) return updateClusterSettings(ctx, { cluster: request.cluster as string, settings: request.settings as Array<{ name: 'containerInsights'; value: string }> });
  return { cluster: clusterView(resolveCluster(ctx, request.cluster)) };
}
