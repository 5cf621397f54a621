/** The comments `revue new-year` writes into next year's files, in the framework's language. */
export interface NewYearTexts {
  goalsIntro: (previous: number) => string;
  noGoals: (previous: number) => string;
  evidence: (e: {
    competency: string;
    level: string;
    expected: string;
    year: number;
    weakest: { context: string; level: string } | null;
  }) => string;
  logIntro: (year: number, competency: string) => string;
}

/** A comment's lines: each is written after "#", so each starts with a space. */
const lines = (...text: string[]) => text.map((line) => ` ${line}`).join('\n');

const example = (year: number, competency: string, kind: string) => [
  `   - date: ${year}-01-15`,
  `     kind: ${kind}`,
  `     scores: { ${competency}: 2 }`,
];

const en: NewYearTexts = {
  goalsIntro: (previous) =>
    lines(`The course for the year, proposed from ${previous}: change it as agreed with the rep.`),
  noGoals: (previous) => lines(`Nothing was below the expected level in ${previous}: set the year's goals here.`),
  evidence: (e) =>
    lines(
      `${e.competency}: level ${e.level} in ${e.year}, ${e.expected} expected` +
        (e.weakest === null ? '' : `; weakest context: ${e.weakest.context} (${e.weakest.level})`),
    ),
  logIntro: (year, competency) =>
    lines(
      'The coaching log: one entry after each session (or: revue log <rep> …), e.g.',
      ...example(year, competency, 'Field visit').map((l) => l.slice(1)),
    ),
};

const fr: NewYearTexts = {
  goalsIntro: (previous) => lines(`Le cap de l’année, proposé d’après ${previous} : à ajuster avec le commercial.`),
  noGoals: (previous) =>
    lines(`Aucune compétence sous le niveau attendu en ${previous} : fixez ici les objectifs de l’année.`),
  evidence: (e) =>
    lines(
      `${e.competency} : niveau ${e.level} en ${e.year}, ${e.expected} attendu` +
        (e.weakest === null ? '' : ` ; contexte le plus faible : ${e.weakest.context} (${e.weakest.level})`),
    ),
  logIntro: (year, competency) =>
    lines(
      'Le journal de coaching : une entrée après chaque séance (ou : revue log <commercial> …), par exemple',
      ...example(year, competency, 'Accompagnement terrain').map((l) => l.slice(1)),
    ),
};

export function newYearTexts(locale: 'fr' | 'en'): NewYearTexts {
  return locale === 'fr' ? fr : en;
}
