import { categoryChannel, guild, member, role, textChannel, user } from './entities.js';
import { autocomplete, button, chatInput, modalSubmit } from './interactions.js';

export type { GuildChannelParams, GuildParams, Permissionish } from './entities.js';
export type { AutocompleteParams, ButtonParams, ChatInputParams, InteractionContextParams, ModalSubmitParams } from './interactions.js';

/** Builders for Discord payloads that discord.js accepts. Ids are realistic, increasing snowflakes. */
export const build = {
  user,
  guild,
  role,
  textChannel,
  categoryChannel,
  member,
  chatInput,
  autocomplete,
  button,
  modalSubmit,
};
