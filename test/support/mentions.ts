/** Message text without Discord mentions (<@id>, <#id>, <@&id>): random snowflakes can contain "2026". */
export function withoutMentions(text: string): string {
  return text.replace(/<(@[!&]?|#)\d+>/g, '<mention>');
}
