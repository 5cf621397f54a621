/**
 * What reaches the terminal: text in which no byte of the data can drive it.
 * A name, a key or a file name holding ESC or a C1 control (`\x1b[2J`,
 * `\x9b…`, OSC 52 `\x1b]52;c;…\x07`) would clear the screen, fake a
 * "✓ valid" line or set the clipboard (issue 13). Every line the command
 * line prints goes through `terminalText` (context.ts), which shows each
 * control character but tab and line break escaped, as `\u001b`.
 *
 * revue's own colours survive it: `styles` (style.ts) writes them with
 * STYLE_MARK in place of ESC, and only a mark followed by a colour code
 * (SGR: `[`, digits and `;`, `m`) becomes ESC again. At worst, data that
 * holds the mark changes the colour of its own line; it cannot move the
 * cursor, clear anything or talk to the terminal.
 */

/** A Unicode noncharacter (never meant for interchange) standing for ESC in revue's own colour codes. */
export const STYLE_MARK = '\ufdd0';

/** C0 controls but tab and line feed, DEL, and the C1 controls; a CR only when it ends a CRLF line is kept. */
const CONTROL = /\r(?!\n)|[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g;

/** `text` with every control character but tab and line break written `\u001b`. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` as it can be written to a terminal: controls escaped, revue's colour marks turned into colour codes. */
export function terminalText(text: string): string {
  return escapeControl(text).replace(/\ufdd0(\[[0-9;]*m)/g, '\u001b$1');
}
