import type { APIApplicationCommand } from 'discord.js';
import type { Core } from '../../model/core.js';
import { asBody, type Body } from '../../model/messages.js';
import { discordError } from '../errors.js';
import type { RouteDef, RouteRequest } from '../router.js';

/** The command map for the request's scope: global, or one guild's. */
function scope(core: Core, req: RouteRequest): Map<string, APIApplicationCommand> {
  if (req.params.application_id !== core.applicationId) throw discordError(20012);
  const guildId = req.params.guild_id;
  if (!guildId) return core.state.globalCommands;
  const guild = core.state.guild(guildId);
  if (!guild?.members.has(core.botUser.id)) throw discordError(50001);
  let commands = core.state.guildCommands.get(guildId);
  if (!commands) {
    commands = new Map();
    core.state.guildCommands.set(guildId, commands);
  }
  return commands;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, withoutUndefined(v)]));
}

/** The command as Discord stores and returns it. */
function toCommand(core: Core, body: Body, id: string, guildId: string | undefined, previous?: APIApplicationCommand): APIApplicationCommand {
  const permissions = body.default_member_permissions;
  const options = Array.isArray(body.options) && body.options.length > 0 ? withoutUndefined(body.options) : undefined;
  const command = {
    id,
    application_id: core.applicationId,
    version: core.ids.next(),
    type: (body.type as number | undefined) ?? 1,
    name: String(body.name),
    description: typeof body.description === 'string' ? body.description : '',
    default_member_permissions: permissions === undefined || permissions === null ? null : String(permissions),
    nsfw: body.nsfw === true,
    contexts: (body.contexts as number[] | undefined) ?? null,
    integration_types: (body.integration_types as number[] | undefined) ?? [0],
    ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission !== false }),
    ...(body.name_localizations ? { name_localizations: body.name_localizations } : {}),
    ...(body.description_localizations ? { description_localizations: body.description_localizations } : {}),
    ...(options ? { options } : {}),
    ...(body.handler !== undefined && body.handler !== null ? { handler: body.handler } : {}),
  } as APIApplicationCommand;
  if (previous && JSON.stringify({ ...previous, version: '' }) === JSON.stringify({ ...command, version: '' })) return previous;
  return command;
}

function sameIdentity(a: APIApplicationCommand, body: Body): boolean {
  return a.name === body.name && a.type === ((body.type as number | undefined) ?? 1);
}

function commandOr404(commands: Map<string, APIApplicationCommand>, id: string | undefined): APIApplicationCommand {
  const command = id ? commands.get(id) : undefined;
  if (!command) throw discordError(10063);
  return command;
}

function routesFor(base: string): RouteDef[] {
  return [
    {
      method: 'GET',
      path: base,
      handle: (core, req) => ({ status: 200, body: [...scope(core, req).values()] }),
    },
    {
      method: 'PUT',
      path: base,
      handle: (core, req) => {
        const commands = scope(core, req);
        const bodies = Array.isArray(req.body) ? req.body.map(asBody) : [];
        const existing = [...commands.values()];
        const next = bodies.map((body) => {
          const previous = existing.find((c) => sameIdentity(c, body));
          return toCommand(core, body, previous?.id ?? core.ids.next(), req.params.guild_id, previous);
        });
        commands.clear();
        for (const command of next) commands.set(command.id, command);
        return { status: 200, body: next };
      },
    },
    {
      method: 'POST',
      path: base,
      handle: (core, req) => {
        const commands = scope(core, req);
        const body = asBody(req.body);
        const previous = [...commands.values()].find((c) => sameIdentity(c, body));
        const command = toCommand(core, body, previous?.id ?? core.ids.next(), req.params.guild_id, previous);
        commands.set(command.id, command);
        return { status: previous ? 200 : 201, body: command };
      },
    },
    {
      method: 'GET',
      path: `${base}/:command_id`,
      handle: (core, req) => ({ status: 200, body: commandOr404(scope(core, req), req.params.command_id) }),
    },
    {
      method: 'PATCH',
      path: `${base}/:command_id`,
      handle: (core, req) => {
        const commands = scope(core, req);
        const current = commandOr404(commands, req.params.command_id);
        const command = toCommand(core, { ...current, ...asBody(req.body) }, current.id, req.params.guild_id, current);
        commands.set(command.id, command);
        return { status: 200, body: command };
      },
    },
    {
      method: 'DELETE',
      path: `${base}/:command_id`,
      handle: (core, req) => {
        const commands = scope(core, req);
        commandOr404(commands, req.params.command_id);
        commands.delete(req.params.command_id!);
        return { status: 204 };
      },
    },
  ];
}

export const commandRoutes: RouteDef[] = [
  ...routesFor('/applications/:application_id/commands'),
  ...routesFor('/applications/:application_id/guilds/:guild_id/commands'),
];
