/**
 * The words of the French reports. Written with plain spaces: i18n.ts puts
 * the no-break spaces of French typography before « : ; ? ! » and inside
 * « » (see `frenchSpacing`), so that no message can forget one.
 *
 * `{name}` placeholders are filled by `Formatter.t`; `{year}`, `{previous}`
 * and `{next}` are filled for templates by `labelsFor`.
 */
/**
 * One text per plural category of `Intl.PluralRules`; `other` is required
 * (and the fallback of a category a language has no text for).
 */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export const fr = {
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
  noAssessmentHeadline: 'Aucune observation en {year} : ce bilan ne peut mesurer aucun niveau.',
  vs: 'en {year}',
  vsSameReps: 'en {year}, mêmes commerciaux',
  profile: 'Profil de compétences',
  profileIntro:
    'Niveau de fin d’année (moyenne des deux dernières observations), comparé à {previous} et au niveau attendu pour la fonction. L’écart dit ce qui reste à combler pour atteindre le niveau attendu, ou de combien il est dépassé. « 1 obs. » signale un chiffre qui repose sur une seule observation : il reste à confirmer.',
  profileIntroFirstYear:
    'Niveau de fin d’année (moyenne des deux dernières observations), comparé au niveau attendu pour la fonction. L’écart dit ce qui reste à combler pour atteindre le niveau attendu, ou de combien il est dépassé. « 1 obs. » signale un chiffre qui repose sur une seule observation : il reste à confirmer.',
  competency: 'Compétence',
  level: 'Niveau',
  delta: 'Évolution',
  expected: 'Attendu',
  gap: 'Écart',
  gapColumn: 'Écart à l’attendu',
  gapBelow: '{gap} à combler',
  gapAt: 'au niveau',
  gapAbove: '{gap} au-dessus',
  observationsShort: 'Obs.',
  singleObservation: '1 obs.',
  singleObservationPrevious: '1 obs. en {previous}',
  levelReached: 'Niveau atteint',
  thisYear: '{year}',
  expectedLevel: 'Niveau attendu',
  levelWithName: '{level} ({name})',
  progression: 'Progression sur l’année',
  progressionIntro:
    'Chaque point est une observation ; la ligne claire montre {previous} sur le même axe de janvier à décembre.',
  progressionIntroFirstYear: 'Chaque point est une observation, sur un axe de janvier à décembre.',
  notObserved: 'Jamais observées en {year} ni en {previous} : {list}.',
  goals: 'Objectifs de l’année',
  goalsIntro:
    'Le cap fixé en début d’année, vérifié sur le niveau de fin d’année. Un statut qui repose sur une seule observation est marqué « 1 obs. ».',
  noGoals: 'Aucun objectif n’a été fixé pour {year}.',
  target: 'Cible',
  status: 'Statut',
  note: 'Commentaire',
  met: 'Atteint',
  notMet: 'Non atteint',
  notAssessed: 'Non évalué',
  diagnosis: 'Diagnostic',
  diagnosisIntro:
    'Les trois compétences observées au moins deux fois les plus éloignées du niveau attendu (à écart égal, celles qui ont le moins progressé). Seule une compétence en dessous du niveau attendu est une priorité.',
  priority: 'Priorité {rank}',
  atExpected: 'Au niveau attendu',
  aboveExpected: 'Au-dessus du niveau attendu',
  noExpected: 'Sans niveau attendu',
  noPriority:
    'Aucune compétence observée au moins deux fois n’est en dessous du niveau attendu : pas de priorité cette année, des acquis à consolider.',
  weakestContext: 'Contexte le plus faible : {context} ({level})',
  noWeakestContext: 'Observée dans un seul contexte : pas de comparaison possible.',
  competencyNote: 'Dernière note sur « {competency} » ({date}) :',
  sessionNote: 'Pas de note propre à « {competency} ». Note sur l’ensemble de la séance du {date} ({others}) :',
  sessionAlsoScored: 'aussi notées : {list}',
  sessionOnlyScored: 'seule compétence notée ce jour-là',
  sessionNoteAbove:
    'Pas de note propre à « {competency} ». La dernière séance qui l’a notée, le {date}, est celle dont la note est citée plus haut, sous « {other} ».',
  noNote: 'Aucune note écrite sur « {competency} » cette année.',
  uncertain: 'Observations insuffisantes pour conclure',
  uncertainIntro: 'Moins de deux observations cette année : à observer en priorité avant de poser un diagnostic.',
  neverObserved: 'jamais observée',
  noFocus: 'Aucune compétence n’a été observée deux fois : pas assez d’observations pour proposer un diagnostic.',
  course: 'Cap proposé pour {next}',
  courseText: 'Développer « {competency} » : passer de {level} à {target}, le niveau attendu pour la fonction.',
  courseNextLevel:
    'Aucune compétence observée n’est en dessous du niveau attendu. Viser plus haut en « {competency} » : passer de {level} à {target}, le niveau suivant de l’échelle.',
  courseTop:
    'Aucune compétence observée n’est en dessous du niveau attendu, et « {competency} » est au sommet de l’échelle, à {level} : l’enjeu est de s’y maintenir.',
  coaching: 'Suivi du coaching',
  coachingIntro:
    'Le coaching est un travail quotidien : chaque mois écoulé sans observation est une occasion manquée de faire progresser. Chiffres arrêtés au {asOf}.',
  longestGap: 'Plus long intervalle sans observation',
  stretchFromTo: 'du {from} au {to}',
  stretchOngoing: 'depuis le {from}, toujours en cours',
  neverCoached: 'aucune observation depuis le {from}',
  monthsWithout: 'Mois sans observation',
  none: 'aucun',
  monthInProgress: 'en cours',
  monthsLegend: 'Un 0 encadré est un mois écoulé sans observation.',
  monthsLegendBefore: 'Une case grise est un mois avant l’arrivée dans l’équipe.',
  monthsLegendInProgress: 'Le mois en cours ({month}) n’est pas compté comme manqué.',
  monthsLegendUpcoming: 'Les mois à venir restent vides.',
  log: 'Journal des observations',
  noAssessment: 'Aucune observation en {year}.',
  date: 'Date',
  kind: 'Type',
  context: 'Contexte',
  scores: 'Scores',
  notScored: 'non notée',
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
  teamProfileIntro:
    'Moyenne des niveaux de fin d’année des commerciaux en {year} et en {previous}. L’évolution compare chaque commercial à lui-même : c’est la moyenne des évolutions des commerciaux observés les deux années, sur le nombre indiqué. L’arrivée d’un débutant ne fait donc pas reculer l’équipe.',
  organisationProfileIntro:
    'Moyenne des niveaux de fin d’année de tous les commerciaux en {year} et en {previous}. L’évolution compare chaque commercial à lui-même : c’est la moyenne des évolutions des commerciaux observés les deux années, sur le nombre indiqué.',
  noGroupComparison: 'Aucun commercial n’a de niveau à la fois en {previous} et en {year} : pas d’évolution à montrer.',
  noRepBothYears: 'aucun commercial suivi les deux années',
  progressCounts: 'Qui a progressé',
  progressed: 'En progrès',
  stable: 'Stables',
  regressed: 'En recul',
  newThisYear: 'Nouveaux',
  unknownTrend: 'Sans comparaison',
  members: 'L’équipe, commercial par commercial',
  memberFirstYear: '1re année',
  focus: 'Cap proposé',
  coverage: 'Couverture du coaching',
  coverageIntro: 'Observations par commercial et par mois, au {asOf}. Un 0 encadré est un mois écoulé sans coaching.',
  coverageBefore: 'Une case grise est un mois avant l’arrivée dans l’équipe.',
  teamCoverageBefore: 'Une case grise est un mois avant l’arrivée du premier commercial de l’équipe.',
  teamCoverageIntro:
    'Observations par équipe et par mois, au {asOf}. Un 0 encadré est un mois écoulé où aucun commercial de l’équipe n’a été observé.',
  coverageInProgress: 'Le mois en cours ({month}), encadré de pointillés, n’est jamais compté comme manqué.',
  coverageUpcoming: 'Les mois à venir restent blancs.',
  total: 'Total',
  teams: 'Les équipes côte à côte',
  teamsIntro:
    'Niveau moyen de fin d’année par compétence et par équipe ; l’évolution par rapport à {previous} porte sur les commerciaux suivis les deux années.',
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

/**
 * Words that agree with a number, one form per plural category of
 * `Intl.PluralRules` (`other` is required; French puts 0 and 1 in `one`).
 * `{n}` is the number, formatted in the locale.
 */
export const frPlurals = {
  days: { one: '{n} jour', other: '{n} jours' },
  months: { one: '{n} mois', other: '{n} mois' },
  observations: { one: '{n} observation', other: '{n} observations' },
  overReps: { one: 'sur {n} commercial', other: 'sur {n} commerciaux' },
  overRepsBothYears: {
    one: 'sur {n} commercial suivi les deux années',
    other: 'sur {n} commerciaux suivis les deux années',
  },
  fewAssessments: {
    one: 'Ce bilan repose sur une seule observation : chaque niveau reste à confirmer.',
    other: 'Ce bilan repose sur {n} observations seulement : les niveaux restent à confirmer.',
  },
  newcomers: { one: 'dont {n} en 1re année', other: 'dont {n} en 1re année' },
} as const satisfies Record<string, PluralForms>;

/** A key of the catalogue: a misspelt one does not compile. */
export type MessageKey = keyof typeof fr;
/** A key of the plural catalogue. */
export type PluralKey = keyof typeof frPlurals;
