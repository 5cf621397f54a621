/**
 * A synthetic sales organisation in the SPEC format (§2, §3), for the
 * benchmark (`npm run bench`) and the tests that need more than a handful of
 * reps: N reps in teams of about 20, two years of files (about 10 assessments
 * a year each, one rep in ten in their first year), the same bytes for the
 * same N and seed.
 *
 *     import { writeOrganisation } from './bench-data.mjs';
 *     await writeOrganisation('/tmp/org/data', { reps: 240 });
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const COMPETENCIES = [
  ['prospecting', 'Prospecting'],
  ['discovery', 'Discovery'],
  ['presentation', 'Presenting the offer'],
  ['objection-handling', 'Handling objections'],
  ['negotiation', 'Negotiation'],
  ['closing', 'Closing'],
  ['account-management', 'Account management'],
];
const CONTEXTS = [
  ['new-business', 'New business'],
  ['key-account', 'Key account'],
  ['renewal', 'Renewal'],
  ['phone', 'Phone call'],
];
const ROLES = ['junior', 'confirmed', 'senior'];
const KINDS = ['Field visit', 'Call review', 'Role play'];
const FIRST = [
  'Ann',
  'Bo',
  'Chloé',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hugo',
  'Inès',
  'Jonas',
  'Kim',
  'Léa',
  'Malik',
  'Nora',
  'Omar',
  'Paula',
  'Quentin',
  'Rosa',
  'Sami',
  'Tess',
];
const LAST = [
  'Lee',
  'Chen',
  'Martin',
  'Dubois',
  'Novak',
  'Haddad',
  'Garnier',
  'Moreau',
  'Perrin',
  'Blanc',
  'Kowalski',
  'Silva',
  'Okafor',
  'Larsen',
  'Rossi',
  'Weber',
];
const PHRASES = [
  'Prepared the visit well and opened with the customer’s own figures.',
  'Asked open questions for ten minutes before presenting anything.',
  'Rephrased the need before arguing; the buyer agreed and added a second site.',
  'Gave a discount at the first request, without anything in return.',
  'Left without a dated next step.',
  'Handled the price objection by asking “more expensive than what, exactly?”.',
  'Covered only the buyer; the plant manager was never met.',
];

/** A small, seeded generator (mulberry32): the same organisation every time. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];
const pad = (n) => String(n).padStart(2, '0');
const quote = (text) => JSON.stringify(text);

export function frameworkYaml() {
  return [
    'organisation: Bench Industries',
    'locale: en',
    'currency: EUR',
    'scale:',
    '  min: 1',
    '  max: 4',
    '  step: 0.5',
    '  labels:',
    '    1: Beginner',
    '    2: Developing',
    '    3: Proficient',
    '    4: Expert',
    'competencies:',
    ...COMPETENCIES.flatMap(([id, label]) => [
      `  - id: ${id}`,
      `    label: ${label}`,
      '    levels:',
      '      1: Not yet',
      '      2: With help',
      '      3: On their own',
      '      4: Teaches others',
    ]),
    'contexts:',
    ...CONTEXTS.flatMap(([id, label]) => [`  - id: ${id}`, `    label: ${label}`]),
    'roles:',
    '  - id: junior',
    '    label: Junior rep',
    '    expected: 2',
    '  - id: confirmed',
    '    label: Confirmed rep',
    '    expected:',
    '      default: 3',
    '      negotiation: 3.5',
    '  - id: senior',
    '    label: Senior rep',
    '    expected: 3.5',
    '',
  ].join('\n');
}

/**
 * The rep ids of an organisation of `count` reps, in order.
 * @param {number} count
 * @returns {string[]}
 */
export function repIds(count) {
  return Array.from({ length: count }, (_, i) => `rep-${String(i + 1).padStart(5, '0')}`);
}

/**
 * One rep's file for one year, as YAML text.
 * @param {number} index
 * @param {number} year
 * @param {{ count?: number, teamSize?: number, seed?: number }} [options]
 * @returns {string}
 */
export function repYaml(index, year, options = {}) {
  const rnd = random((options.seed ?? 1) * 1_000_003 + index * 7919 + year);
  const teams = Math.max(1, Math.ceil((options.count ?? 240) / (options.teamSize ?? 20)));
  const team = index % teams;
  const base = 1.5 + rnd() * 1.5 + (year % 2) * 0.25;
  const lines = [
    `name: ${quote(`${pick(rnd, FIRST)} ${pick(rnd, LAST)} ${index + 1}`)}`,
    `role: ${ROLES[index % ROLES.length]}`,
    `team: Team ${String(team + 1).padStart(3, '0')}`,
    `manager: Manager ${team + 1}`,
    'goals:',
  ];
  for (const [id] of [COMPETENCIES[index % 7], COMPETENCIES[(index + 3) % 7]])
    lines.push(`  - competency: ${id}`, `    target: ${Math.min(4, Math.round(base * 2 + 1) / 2)}`);
  const target = 400_000 + Math.round(rnd() * 8) * 50_000;
  lines.push(
    'results:',
    `  target: ${target}`,
    `  achieved: ${Math.round(target * (0.7 + rnd() * 0.5))}`,
    'assessments:',
  );
  const count = 8 + Math.floor(rnd() * 5);
  for (let a = 0; a < count; a++) {
    const month = 1 + Math.floor(((a + rnd()) * 12) / count);
    lines.push(`  - date: ${year}-${pad(Math.min(12, month))}-${pad(1 + Math.floor(rnd() * 28))}`);
    lines.push(`    kind: ${pick(rnd, KINDS)}`, `    context: ${pick(rnd, CONTEXTS)[0]}`, '    scores:');
    const scored = new Set([pick(rnd, COMPETENCIES)[0], pick(rnd, COMPETENCIES)[0], pick(rnd, COMPETENCIES)[0]]);
    for (const id of scored) {
      const score = Math.max(1, Math.min(4, Math.round((base + (a / count) * 0.8 + (rnd() - 0.5)) * 2) / 2));
      lines.push(`      ${id}: ${score}`);
    }
    lines.push(
      `    strengths: ${quote(pick(rnd, PHRASES))}`,
      `    improvements: ${quote(pick(rnd, PHRASES))}`,
      '    actions:',
      `      - ${quote(pick(rnd, PHRASES))}`,
    );
  }
  lines.push(
    'review:',
    '  manager: |',
    `    ${pick(rnd, PHRASES)}`,
    `    ${pick(rnd, PHRASES)}`,
    '  rep: |',
    `    ${pick(rnd, PHRASES)}`,
    '',
  );
  return lines.join('\n');
}

/**
 * Writes `framework.yaml` and the files of `years` (default: 2025 and 2026)
 * for `reps` reps (default 240) into `dir`, in teams of `teamSize` (default
 * 20; rep i is in team i mod the number of teams). One rep in ten has no file
 * the year before the last (first year). Returns the rep ids.
 *
 * @param {string} dir
 * @param {{ reps?: number, teamSize?: number, seed?: number, years?: number[] }} [options]
 * @returns {Promise<string[]>}
 */
export async function writeOrganisation(dir, options = {}) {
  const count = options.reps ?? 240;
  const years = options.years ?? [2025, 2026];
  const ids = repIds(count);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'framework.yaml'), frameworkYaml());
  for (const year of years) await mkdir(path.join(dir, String(year)), { recursive: true });
  const last = years[years.length - 1];
  const writes = [];
  ids.forEach((id, index) => {
    for (const year of years) {
      if (year !== last && index % 10 === 9) continue;
      writes.push(
        writeFile(
          path.join(dir, String(year), `${id}.yaml`),
          repYaml(index, year, { count, seed: options.seed, teamSize: options.teamSize }),
        ),
      );
    }
  });
  await Promise.all(writes);
  return ids;
}
