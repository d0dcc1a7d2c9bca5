import type { HelpLine } from '../domain/crisisLines.js';

export function formatHelpLines(lines: readonly HelpLine[]): string {
  const rows = lines.map((line) => `• **${line.name}**: ${line.contact}${line.note ? ` (${line.note})` : ''}`);
  return [
    '**You are not alone. Help is there right now:**',
    ...rows,
    'If you are in immediate danger, call your local emergency number.',
  ].join('\n');
}
