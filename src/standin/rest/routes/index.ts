import type { RouteDef } from '../router.js';
import { channelRoutes } from './channels.js';
import { commandRoutes } from './commands.js';
import { guildRoutes } from './guilds.js';
import { interactionRoutes } from './interactions.js';
import { messageRoutes } from './messages.js';
import { metaRoutes } from './meta.js';
import { webhookRoutes } from './webhooks.js';

/** Every REST route the stand-in implements. */
export const allRoutes: readonly RouteDef[] = [
  ...metaRoutes,
  ...commandRoutes,
  ...interactionRoutes,
  ...webhookRoutes,
  ...channelRoutes,
  ...messageRoutes,
  ...guildRoutes,
];
