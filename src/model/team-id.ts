/**
 * A team's id: the name of its report file (`teams/<id>.pdf`). Two rules
 * make it safe to name a file after free text (issue 13):
 *
 * - one id, one team: names that differ only in case or spacing ("Paris
 *   Sud", "paris  sud") are one team; any other two names giving one id
 *   ("R&D" and "R-D", "Sales 🇫🇷" and "Sales 🇩🇪") are a validation error,
 *   since their reports would be one file;
 * - every name gets an id, of bounded length: letters the slug cannot keep
 *   (a name in Cyrillic or Arabic script) add a short digest of the name, so
 *   that "Отдел 1" and "فريق 1" get distinct, stable ids; a slug over
 *   MAX_TEAM_ID characters is cut and given the digest, so that the file
 *   name is never too long for the file system.
 */
import { createHash } from 'node:crypto';
import { slugify } from './text.js';

/** The longest team id: `teams/<id>.pdf` and its temporary files stay far below the 255 bytes of a file name. */
export const MAX_TEAM_ID = 80;

/** Latin letters that do not decompose into a-z and a mark, as they are usually written in ASCII. */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const LATIN = /[ßæœøłđðþı]/g;

/** What makes two spellings one team: the name without differences of case, width or spacing. */
export function teamKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The id of the team `name`: its slug, with a digest of the name when the slug is empty, drops letters, or is too long. */
export function teamId(name: string): string {
  const latin = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(LATIN, (letter) => LATIN_LETTERS[letter] ?? letter);
  const slug = slugify(latin);
  const lost = /\p{L}/u.test(latin.replace(/[a-z]|\p{M}/gu, ''));
  if (slug !== '' && !lost && slug.length <= MAX_TEAM_ID) return slug;
  const digest = createHash('sha256').update(teamKey(name)).digest('hex').slice(0, 8);
  const kept = slug.slice(0, MAX_TEAM_ID - digest.length - 1).replace(/-+$/, '');
  return kept === '' ? digest : `${kept}-${digest}`;
}
