import { MessageFlags, type Interaction } from 'discord.js';
import type { AppContext } from '../app/context.js';
import { NotAllowedError } from '../domain/errors.js';
import { handleInteractionError } from './errorBoundary.js';
import type { InFlight } from './inflight.js';
import type { CommandRegistry } from './registry.js';

const SHUTTING_DOWN = 'Tandem is restarting. Please try again in a few seconds.';

async function route(interaction: Interaction, registry: CommandRegistry, ctx: AppContext): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const command = registry.get(interaction.commandName);
    if (!command) throw new Error(`no handler for /${interaction.commandName}`);
    await command.execute(interaction, ctx);
  } else if (interaction.isAutocomplete()) {
    const command = registry.get(interaction.commandName);
    if (command?.autocomplete) await command.autocomplete(interaction, ctx);
    else await interaction.respond([]);
  } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
    const [prefix = '', ...args] = interaction.customId.split(':');
    const handler = registry.component(prefix);
    if (!handler) throw new NotAllowedError('This button is no longer in use. Please run the command again.');
    await handler.handle(interaction, ctx, args);
  }
}

/** Routes each interaction to its handler inside the error boundary, tracked for graceful shutdown. */
export function createInteractionListener(registry: CommandRegistry, ctx: AppContext, inFlight: InFlight) {
  return (interaction: Interaction): void => {
    const accepted = inFlight.run(async () => {
      const started = performance.now();
      try {
        await route(interaction, registry, ctx);
      } catch (error) {
        await handleInteractionError(interaction, error, ctx.logger);
      } finally {
        ctx.logger.debug(
          { interactionId: interaction.id, type: interaction.type, ms: Math.round(performance.now() - started) },
          'interaction handled',
        );
      }
    });
    if (!accepted && interaction.isRepliable()) {
      interaction.reply({ content: SHUTTING_DOWN, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
  };
}
