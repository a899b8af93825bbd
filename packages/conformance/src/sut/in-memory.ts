import type { PluginTable } from '../process/plugin.ts';
import type { SutTransport } from './client.ts';
import { createSutHandler } from './handler.ts';

/**
 * The served role's handler as a transport: what `sim serve` does, without HTTP.
 *
 * @example new SutClient(inMemoryTransport(PROCESSES, 'vnb'))
 */
export function inMemoryTransport(
  processes: PluginTable,
  role: string,
  machines?: Parameters<typeof createSutHandler>[0]['machines'],
  options: { reportSteps?: boolean } = {},
): SutTransport {
  const handle = createSutHandler({
    processes,
    role,
    ...(machines ? { machines } : {}),
    ...options,
  });
  return async (path, body) => handle(path, JSON.parse(JSON.stringify(body)));
}
