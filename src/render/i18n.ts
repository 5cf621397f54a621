/**
 * Every word and number format of the reports, in the framework's locale
 * (SPEC §6: "every label and date is in the framework's locale"). The locale
 * comes in as an argument: nothing here reads a global.
 */
export type Locale = 'fr' | 'en';

const fr = {
  annualReview: 'Revue annuelle',
  teamReport: 'Rapport d’équipe',
  organisationReport: 'Rapport de l’organisation',
  team: 'Équipe',
  noTeam: 'Sans équipe',
  manager: 'Manager',
  managers: 'Managers',
  role: 'Fonction',
  year: 'Année',
  since: 'Dans l’équipe depuis le',
  overall: 'Niveau global',
  goalsMet: 'Objectifs atteints',
  assessments: 'Observations',
  results: 'Résultats',
  firstYear: 'Première année : aucune comparaison avec {previous} n’est possible.',
  vs: 'en {year}',
  profile: 'Profil de compétences',
  profileIntro:
    'Niveau de fin d’année (moyenne des deux dernières observations), comparé à {previous} et au niveau attendu pour la fonction. L’écart à combler est le niveau attendu moins le niveau atteint.',
  competency: 'Compétence',
  level: 'Niveau',
  delta: 'Évolution',
  expected: 'Attendu',
  gap: 'Écart',
  gapToClose: 'Écart à combler',
  observationsShort: 'Obs.',
  levelReached: 'Niveau atteint',
  thisYear: '{year}',
  expectedLevel: 'Niveau attendu',
  progression: 'Progression sur l’année',
  progressionIntro:
    'Chaque point est une observation ; la ligne claire montre {previous} sur le même axe de janvier à décembre.',
  notObserved: 'Jamais observées en {year} ni en {previous} : {list}.',
  goals: 'Objectifs de l’année',
  goalsIntro: 'Le cap fixé en début d’année, vérifié sur le niveau de fin d’année.',
  noGoals: 'Aucun objectif n’a été fixé pour {year}.',
  target: 'Cible',
  status: 'Statut',
  note: 'Commentaire',
  met: 'Atteint',
  notMet: 'Non atteint',
  notAssessed: 'Non évalué',
  diagnosis: 'Diagnostic',
  diagnosisIntro:
    'Les compétences observées au moins deux fois, classées par écart au niveau attendu puis par évolution.',
  priority: 'Priorité {rank}',
  weakestContext: 'Contexte le plus faible : {context} ({level})',
  noWeakestContext: 'Observée dans un seul contexte : pas de comparaison possible.',
  lastImprovement: 'Dernier axe de progrès noté, le {date} :',
  uncertain: 'Observations insuffisantes pour conclure',
  uncertainIntro: 'Moins de deux observations cette année : à observer en priorité avant de poser un diagnostic.',
  noFocus: 'Aucune compétence n’a été observée deux fois : pas assez d’observations pour proposer un diagnostic.',
  course: 'Cap proposé pour {next}',
  courseText: 'Développer « {competency} » : passer de {level} à {target}, le niveau attendu pour la fonction.',
  courseTextNoGap:
    'Consolider « {competency} » (niveau {level}) : toutes les compétences observées atteignent le niveau attendu.',
  coaching: 'Suivi du coaching',
  coachingIntro:
    'Le coaching est un travail quotidien : chaque mois sans observation est une occasion manquée de faire progresser.',
  longestGap: 'Plus long intervalle sans observation',
  days: '{n} jours',
  monthsWithout: 'Mois sans observation',
  none: 'aucun',
  log: 'Journal des observations',
  noAssessment: 'Aucune observation en {year}.',
  date: 'Date',
  kind: 'Type',
  context: 'Contexte',
  scores: 'Scores',
  strengths: 'Points forts',
  improvements: 'Axes de progrès',
  actions: 'Actions convenues',
  resultsIntro: 'Chiffre d’affaires réalisé par rapport à l’objectif.',
  achieved: 'Réalisé',
  ratio: 'Taux d’atteinte',
  noResults: 'Aucun résultat renseigné.',
  words: 'Le mot de la fin',
  managerWords: 'Le manager',
  repWords: 'Le commercial',
  noWords: 'Aucun commentaire de fin d’année.',
  reps: 'Commerciaux',
  rep: 'Commercial',
  teamProfile: 'Profil de l’équipe',
  teamProfileIntro: 'Moyenne des niveaux de fin d’année des commerciaux, comparée à {previous}.',
  progressCounts: 'Qui a progressé',
  progressed: 'En progrès',
  stable: 'Stables',
  regressed: 'En recul',
  unknownTrend: 'Sans comparaison',
  members: 'L’équipe, commercial par commercial',
  focus: 'Cap proposé',
  coverage: 'Couverture du coaching',
  coverageIntro:
    'Observations par commercial et par mois. Un 0 encadré est un mois sans coaching ; une case grise, un mois avant l’arrivée dans l’équipe.',
  teamCoverageIntro:
    'Observations par équipe et par mois. Un 0 encadré est un mois où aucun commercial de l’équipe n’a été observé.',
  total: 'Total',
  teams: 'Les équipes côte à côte',
  teamsIntro: 'Niveau moyen de fin d’année par compétence et par équipe (évolution par rapport à {previous}).',
  teamCoverage: 'Couverture du coaching par équipe',
  repsWithout: 'Commerciaux sans aucune observation',
  index: 'Rapports',
  generated: 'Rapports générés par revue',
  firstYearShort: '1re année',
  na: '—',
  chartRadar: 'Radar des compétences : {year}, {previous} et niveau attendu',
  chartProgression: 'Scores de « {competency} » par date en {year} et {previous}',
  chartTeam: 'Niveau moyen par compétence, {previous} et {year}',
  chartTeams: 'Niveau moyen par compétence et par équipe en {year}',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  annualReview: 'Annual review',
  teamReport: 'Team report',
  organisationReport: 'Organisation report',
  team: 'Team',
  noTeam: 'No team',
  manager: 'Manager',
  managers: 'Managers',
  role: 'Role',
  year: 'Year',
  since: 'In the team since',
  overall: 'Overall level',
  goalsMet: 'Goals met',
  assessments: 'Assessments',
  results: 'Results',
  firstYear: 'First year: there is nothing to compare with in {previous}.',
  vs: 'in {year}',
  profile: 'Competency profile',
  profileIntro:
    'End-of-year level (mean of the last two assessments), against {previous} and the level expected for the role. The gap to close is the expected level minus the level reached.',
  competency: 'Competency',
  level: 'Level',
  delta: 'Change',
  expected: 'Expected',
  gap: 'Gap',
  gapToClose: 'Gap to close',
  observationsShort: 'Obs.',
  levelReached: 'Level reached',
  thisYear: '{year}',
  expectedLevel: 'Expected level',
  progression: 'Progress over the year',
  progressionIntro: 'Each point is an assessment; the light line shows {previous} on the same January–December axis.',
  notObserved: 'Never assessed in {year} or {previous}: {list}.',
  goals: 'Goals of the year',
  goalsIntro: 'The course set at the start of the year, checked against the end-of-year level.',
  noGoals: 'No goal was set for {year}.',
  target: 'Target',
  status: 'Status',
  note: 'Note',
  met: 'Met',
  notMet: 'Not met',
  notAssessed: 'Not assessed',
  diagnosis: 'Diagnosis',
  diagnosisIntro:
    'Competencies assessed at least twice, ranked by their gap to the expected level, then by their change.',
  priority: 'Priority {rank}',
  weakestContext: 'Weakest context: {context} ({level})',
  noWeakestContext: 'Observed in one context only: no comparison possible.',
  lastImprovement: 'Last area for improvement noted, on {date}:',
  uncertain: 'Too few assessments to conclude',
  uncertainIntro: 'Fewer than two assessments this year: observe these first, before any diagnosis.',
  noFocus: 'No competency was assessed twice: too few assessments to propose a diagnosis.',
  course: 'Proposed course for {next}',
  courseText: 'Develop “{competency}”: from {level} to {target}, the level expected for the role.',
  courseTextNoGap: 'Consolidate “{competency}” (level {level}): every assessed competency meets the expected level.',
  coaching: 'Coaching',
  coachingIntro:
    'Coaching is a daily job: every month without an assessment is a missed chance to help the rep progress.',
  longestGap: 'Longest stretch without an assessment',
  days: '{n} days',
  monthsWithout: 'Months without an assessment',
  none: 'none',
  log: 'Coaching log',
  noAssessment: 'No assessment in {year}.',
  date: 'Date',
  kind: 'Kind',
  context: 'Context',
  scores: 'Scores',
  strengths: 'Strengths',
  improvements: 'To improve',
  actions: 'Agreed actions',
  resultsIntro: 'Revenue achieved against target.',
  achieved: 'Achieved',
  ratio: 'Attainment',
  noResults: 'No results recorded.',
  words: 'Year-end words',
  managerWords: 'The manager',
  repWords: 'The rep',
  noWords: 'No year-end words.',
  reps: 'Reps',
  rep: 'Rep',
  teamProfile: 'Team profile',
  teamProfileIntro: 'Mean of the reps’ end-of-year levels, against {previous}.',
  progressCounts: 'Who progressed',
  progressed: 'Progressed',
  stable: 'Stable',
  regressed: 'Regressed',
  unknownTrend: 'No comparison',
  members: 'The team, rep by rep',
  focus: 'Proposed focus',
  coverage: 'Coaching coverage',
  coverageIntro:
    'Assessments per rep and month. A boxed 0 is a month without coaching; a grey cell, a month before the rep joined the team.',
  teamCoverageIntro: 'Assessments per team and month. A boxed 0 is a month in which no rep of the team was assessed.',
  total: 'Total',
  teams: 'Teams side by side',
  teamsIntro: 'Mean end-of-year level per competency and team (change against {previous}).',
  teamCoverage: 'Coaching coverage per team',
  repsWithout: 'Reps without any assessment',
  index: 'Reports',
  generated: 'Reports generated by revue',
  firstYearShort: '1st year',
  na: '—',
  chartRadar: 'Competency radar: {year}, {previous} and expected level',
  chartProgression: 'Scores of “{competency}” by date in {year} and {previous}',
  chartTeam: 'Mean level per competency, {previous} and {year}',
  chartTeams: 'Mean level per competency and team in {year}',
};

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { fr, en };

/** Number, date and text formatting for one locale. */
export interface Formatter {
  locale: Locale;
  /** The BCP 47 tag every format here uses: "fr-FR" / "en-US". */
  tag: string;
  messages: Readonly<Record<MessageKey, string>>;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** A level or mean, one decimal: "3,5" / "3.5"; a dash for none. */
  level: (value: number | null) => string;
  /** A signed change, one decimal, with a real minus sign: "+0,5" / "−0,5" / "0,0". */
  delta: (value: number | null) => string;
  /** A ratio as a whole percentage: "94 %" / "94%". */
  percent: (value: number | null) => string;
  /** An amount in the framework's currency, no decimals. */
  money: (value: number | null) => string;
  integer: (value: number) => string;
  /** "14 février 2026" / "February 14, 2026". */
  date: (iso: string) => string;
  /** "14 févr." / "Feb 14". */
  shortDate: (iso: string) => string;
  /** Month names, January first. */
  months: readonly string[];
  shortMonths: readonly string[];
  list: (items: readonly string[]) => string;
}

export function createFormatter(locale: Locale, currency: string): Formatter {
  const messages = MESSAGES[locale];
  const tag = locale === 'fr' ? 'fr-FR' : 'en-US';
  const oneDecimal = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const longDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const list = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' });
  const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const dash = messages.na;
  const months = Array.from({ length: 12 }, (_, m) => month.format(new Date(Date.UTC(2000, m, 1))));
  return {
    locale,
    tag,
    messages,
    t: (key, values = {}) => fill(messages[key], values),
    level: (value) => (value === null ? dash : oneDecimal.format(value)),
    delta: (value) => {
      if (value === null) return dash;
      // Half away from zero, as Intl rounds the levels: +0.25 -> +0.3, -0.25 -> -0.3.
      const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;
      const text = oneDecimal.format(Math.abs(rounded));
      return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text;
    },
    percent: (value) => (value === null ? dash : percent.format(value)),
    money: (value) => (value === null ? dash : money.format(value)),
    integer: (value) => integer.format(value),
    date: (iso) => longDate.format(utc(iso)),
    shortDate: (iso) => shortDate.format(utc(iso)),
    months,
    shortMonths: Array.from({ length: 12 }, (_, m) =>
      shortMonth.format(new Date(Date.UTC(2000, m, 1))).replace(/\.$/, ''),
    ),
    list: (items) => list.format(items),
  };
}

/** "{name}" placeholders replaced by their values; unknown ones are left as written. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
