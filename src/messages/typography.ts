/**
 * French typography for the catalogues (Imprimerie nationale rules, as the
 * reports follow them): a non-breaking space before ":" and inside « », a
 * narrow one before ";", "?" and "!". Applied by the `fr` tag to the words of
 * a message only — never to what is interpolated, so that a file path, a
 * value or a YAML line to copy (`discovery: 3`) stays exactly as written.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** One literal part of a French message, typeset. */
export function typesetFrench(text: string): string {
  return text
    .replace(/ ([;?!])/g, `${NNBSP}$1`)
    .replace(/ :/g, `${NBSP}:`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`);
}

/**
 * A tagged template for French messages: `` fr`erreur : ${x}` ``. The literal
 * parts are typeset, the values are inserted as they are.
 */
export function fr(parts: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let out = typesetFrench(parts[0] ?? '');
  values.forEach((value, i) => {
    out += String(value) + typesetFrench(parts[i + 1] ?? '');
  });
  return out;
}

/** "1,5": a number of a French text (not one to copy into a file), with `digits` decimals. */
export function decimal(n: number, digits: number): string {
  return n.toFixed(digits).replace('.', ',');
}
