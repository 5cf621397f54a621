/**
 * Les messages de la ligne de commande en français, typés par le catalogue
 * anglais (cli-en.ts) : mêmes clés, mêmes paramètres. La balise `fr` compose
 * les mots (espaces insécables) ; les valeurs, chemins et options restent tels
 * quels.
 */
import type { CliCatalogue } from './cli-en.js';
import { fr } from './typography.js';

const quote = (text: string) => fr`« ${text} »`;
/** Le français met au singulier 0 et 1 (« 0 erreur »). */
const plural = (n: number, one: string, many: string) => `${n} ${n <= 1 ? one : many}`;
const list = (items: readonly (string | number)[], and = 'et') =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${String(items.at(-1))}`;

export const cliFr: CliCatalogue = {
  // --- Libellés -------------------------------------------------------------------
  error: 'erreur',
  warning: 'avertissement',
  hint: 'conseil',
  diagnosticLine: (p) => fr`${p.place}: ${p.label} : ${p.message}`,
  labelled: (p) => fr`${p.label} : ${p.text}`,
  internalError: fr`erreur interne (un bogue de revue, merci de le signaler) :`,
  didYouMean: (p) => fr`vouliez-vous dire ${quote(p.suggestion)} ?`,

  // --- Validation -----------------------------------------------------------------
  summary: (p) =>
    p.errors > 0
      ? `${plural(p.errors, 'erreur', 'erreurs')} dans ${plural(p.files, 'fichier', 'fichiers')}, ${plural(p.warnings, 'avertissement', 'avertissements')}`
      : `aucune erreur, ${plural(p.warnings, 'avertissement', 'avertissements')}`,
  otherYears: (p) =>
    `${plural(p.count, 'avertissement', 'avertissements')} sur ${list(p.years)} — --verbose pour ${p.count <= 1 ? 'le voir' : 'les voir'}`,
  valid: (p) => fr`✓ ${p.data} : ${plural(p.files, 'fichier valide', 'fichiers valides')} (${p.years.join(', ')})`,

  // --- Erreurs d'utilisation ------------------------------------------------------------
  runHelp: (p) => fr`lancez « revue ${p.command} --help » pour l’aide`,
  runRootHelp: fr`lancez « revue --help » pour la liste des commandes`,
  unknownCommand: (p) => fr`commande inconnue ${quote(p.name)}`,
  knownCommands: (p) => fr`commandes : ${p.commands.join(', ')}`,
  unknownOption: (p) => fr`option inconnue ${quote(p.option)} pour « revue ${p.command} »`,
  knownOptions: (p) => fr`options : ${p.options.join(', ')}`,
  missingValue: (p) => `${p.option} attend une valeur`,
  tooManyArguments: (p) => fr`argument inattendu ${quote(p.extra)}`,
  expectsYear: (p) => fr`${p.option} attend une année à quatre chiffres, pas ${quote(p.value)}`,
  expectsDate: (p) => fr`${p.option} attend une date écrite AAAA-MM-JJ, pas ${quote(p.value)}`,
  dateHint: (p) =>
    p.fix === undefined
      ? fr`écrivez-la année-mois-jour, par exemple ${p.option} 2026-11-30`
      : fr`vouliez-vous dire ${p.option} ${p.fix} ?`,
  expectsWholeNumber: (p) => fr`${p.option} attend un nombre entier ≥ 1, pas ${quote(p.value)}`,
  expectsSeconds: (p) => fr`${p.option} attend un nombre de secondes, pas ${quote(p.value)}`,
  expectsChoice: (p) => fr`${p.option} attend ${list(p.choices.map(quote), 'ou')}, pas ${quote(p.value)}`,
  expectsShard: (p) => fr`--shard attend K/N, comme 3/40, pas ${quote(p.value)}`,
  shardHint: 'K est la part de cette machine (de 1 à N), N le nombre de parts',
  shardCount: (p) => fr`le nombre de parts doit être un nombre entier ≥ 1, pas ${p.count}`,
  shardRange: (p) => fr`la part doit être entre 1 et ${p.count}, pas ${p.index}`,
  shardRangeHint: fr`les parts sont numérotées à partir de 1 : --shard 1/4 … --shard 4/4`,
  badEpoch: (p) =>
    fr`SOURCE_DATE_EPOCH doit être un nombre entier de secondes depuis le 1970-01-01 (au plus 253402300799, la fin de 9999), pas ${quote(p.value)}`,
  epochHint: fr`donnez-lui un nombre entier comme $(git log -1 --format=%ct), ou supprimez-la`,
  unknownSchema: (p) => fr`schéma inconnu ${quote(p.name)}`,
  schemaHint: 'revue schema framework, ou revue schema rep',
  noYearFolder: 'l’espace de travail n’a pas encore de dossier d’année',
  noYearFolderHint: 'créez un dossier comme data/2026, avec un fichier par commercial',
  noDataForYear: (p) => `aucune donnée pour ${p.year}`,
  knownYears: (p) => fr`années de l’espace de travail : ${p.years.join(', ')}`,
  noRep: (p) => fr`aucun commercial ${quote(p.id)} en ${p.year}`,
  knownReps: (p) => fr`commerciaux : ${p.reps.join(', ')}`,

  // --- Construction -----------------------------------------------------------------
  building: (p) => `Construction de ${plural(p.total, 'rapport', 'rapports')} pour ${p.year}`,
  barFormat: ' {bar} {value}/{total} rapports | encore {eta_formatted} | {file}',
  written: 'écrit',
  skipped: 'à jour',
  failed: 'ÉCHEC',
  reportFailed: (p) => fr`échec : ${p.file} : ${p.reason}`,
  reportWarning: (p) => fr`avertissement : ${p.file} : ${p.warning}`,
  unknownFailure: 'erreur inconnue',
  removed: (p) =>
    fr`supprimé ${p.file} : ${p.kind === 'rep' ? 'plus de commercial de ce nom' : p.kind === 'team' ? 'plus d’équipe de ce nom' : 'plus de tel rapport'} en ${p.year ?? ''}`,
  buildSummary: (p) =>
    fr`${p.year ?? ''} : ${plural(p.written, 'écrit', 'écrits')}, ${p.skipped} à jour, ${plural(p.failed, 'échec', 'échecs')}, ${plural(p.warnings, 'avertissement', 'avertissements')} en ${p.seconds.replace('.', ',')} s`,
  openIndex: (p) => `  ouvrez ${p.file}`,
  yearNotBegun: (p) =>
    fr`${p.year} n’a pas commencé (au ${p.asOf}) : ses rapports n’ont encore aucune séance. Les bilans de cette année : revue build --year ${p.previous}`,
  invalidData: fr`Les données sont invalides : aucun rapport n’a été écrit.`,
  changed: (p) => fr`modifié : ${p.files.join(', ')}`,
  watching: 'en attente de modifications (Ctrl-C pour arrêter)',
  stoppedWatching: 'surveillance arrêtée',

  // --- Init -------------------------------------------------------------------------
  initCreated: (p) =>
    `✓ espace de travail revue créé ${p.dir === undefined ? 'dans le dossier courant' : `dans ${p.dir}`}`,
  initAppended: (p) => `  ${p.file} (output/ ajouté)`,
  initNext: fr`Ensuite :`,
  initValidate: '  revue validate        vérifier les fichiers',
  initBuild: (p) => `  revue build           écrire les rapports, puis ouvrir output/${p.year}/index.html`,
  initWatch: '  revue build --watch   reconstruire à chaque enregistrement d’un fichier',
  initBadYear: (p) => `l’année doit avoir quatre chiffres, pas ${p.year}`,
  initNotFolder: (p) => `${p.dir} est un fichier, pas un dossier`,
  initNotFolderHint: 'donnez à revue init le nom d’un nouveau dossier, par exemple revue init revues',
  initExisting: (p) =>
    fr`revue init n’écrase jamais un fichier, et ${p.files.length === 1 ? 'celui-ci existe' : 'ceux-ci existent'} dans ${p.dir} :` +
    `\n${p.files.map((f) => `  ${f}`).join('\n')}`,
  initExistingHint: fr`lancez « revue init » dans un dossier nouveau ou vide (par exemple revue init revues), ou déplacez d’abord ces fichiers`,

  // --- CSV (revue figures --format csv) -----------------------------------------------
  csv: {
    year: 'année',
    rep: 'commercial',
    name: 'nom',
    team: 'équipe',
    manager: 'manager',
    role: 'rôle',
    roleLabel: 'libellé du rôle',
    competency: 'compétence',
    competencyLabel: 'libellé de la compétence',
    level: 'niveau',
    previous: 'année précédente',
    delta: 'évolution',
    mean: 'moyenne',
    expected: 'attendu',
    gap: 'écart',
    count: 'observations',
    trend: 'tendance',
    weakestContext: 'contexte le plus faible',
    weakestContextLabel: 'libellé du contexte le plus faible',
    focusRank: 'rang de priorité',
    overall: 'niveau global',
    overallPrevious: 'niveau global année précédente',
    overallDelta: 'évolution du niveau global',
    goalsMet: 'objectifs atteints',
    goals: 'objectifs',
    focus: 'priorité',
    focusLabel: 'libellé de la priorité',
    coachingCount: 'séances de coaching',
    longestGapDays: 'plus long intervalle sans coaching (jours)',
    results: 'résultats (réalisé / objectif)',
    resultsPrevious: 'résultats année précédente',
    progressed: 'en progrès',
    stable: 'stable',
    regressed: 'en recul',
  },

  // --- Aide -------------------------------------------------------------------------
  tagline: (p) => fr`revue ${p.version} : revues annuelles en PDF à partir des journaux de coaching commercial`,
  usage: (p) => fr`Utilisation : ${p.line}`,
  commandPlaceholder: '<commande>',
  commandsHeading: fr`Commandes :`,
  optionsHeading: fr`Options :`,
  argumentsHeading: fr`Arguments :`,
  defaultIs: (p) => fr`(par défaut : ${p.value})`,
  moreHelp: fr`Lancez « revue <commande> --help » pour les options d’une commande.`,
  optionsWord: 'options',
  commands: {
    build: fr`Produire les rapports de l’année : un PDF par commercial, par équipe et pour l’organisation`,
    validate: fr`Vérifier chaque fichier de l’espace de travail ; code de sortie 1 à la moindre erreur`,
    figures: 'Afficher les chiffres de chaque commercial, équipe et de l’organisation (JSON ou CSV)',
    schema: 'Afficher le schéma JSON de framework.yaml ou d’un fichier de commercial',
    init: 'Créer un espace de travail avec un référentiel et un commercial d’exemple, prêt à construire',
    // --- La boucle quotidienne (issue 14) ---
    log: fr`Ajouter une séance de coaching au fichier d’un commercial (demande ce qui manque, sur un terminal)`,
    status: fr`Où en est le coaching : dernière séance de chacun, qui est en retard, ce qui n’a jamais été observé`,
    'new-year': 'Préparer les fichiers de l’année suivante à partir de ceux de l’année, le cap fixé',
    preview: 'Les rapports en direct dans un navigateur sur cette machine, reconstruits à chaque enregistrement',
  },
  options: {
    data: 'Le dossier de données de l’espace de travail',
    dataDefault: 'cherché depuis le dossier courant en remontant, sinon data',
    out: 'Où les rapports sont écrits, un dossier par année',
    outDefault: 'output, à côté du dossier de données',
    year: 'L’année du rapport',
    yearDefault: 'le dernier dossier d’année',
    initYear: 'L’année du commercial d’exemple',
    initYearDefault: 'l’année en cours',
    asOf: fr`La date du calcul : les chiffres sont calculés à cette date`,
    asOfLog: 'Aujourd’hui, pour les vérifications de l’espace de travail et la date par défaut de --date',
    asOfStatus: 'Le jour où l’état est établi',
    asOfDefault: 'le jour de SOURCE_DATE_EPOCH, sinon aujourd’hui',
    rep: 'Seulement le rapport de ce commercial (répétable)',
    htmlOnly: 'Écrire des fichiers HTML autonomes au lieu de PDF',
    templates: 'Modèles remplaçant ceux du paquet',
    templatesDefault: 'templates/ à côté du dossier de données',
    concurrency: 'Pages imprimées en même temps',
    watch: 'Reconstruire ce qu’un fichier enregistré change, jusqu’à Ctrl-C',
    force: 'Produire chaque rapport, même ceux qui sont à jour',
    shard: 'Produire seulement la K-ième de N parts déterminées (équipes, organisation et index dans la part 1)',
    wait: fr`Secondes d’attente d’une autre construction dans le même dossier de sortie ; 0 refuse aussitôt`,
    validateFormat: 'text (pour les personnes) ou json (pour un éditeur ou une CI, sur la sortie standard)',
    figuresFormat: 'json (un objet) ou csv (pour un tableur)',
    table: fr`CSV : une ligne par commercial et compétence, ou une par commercial`,
    verbose: 'Lister aussi les avertissements sur les autres années',
    quiet: 'N’afficher que les erreurs',
    locale: 'La langue de l’exemple et des rapports',
    dir: 'Le dossier où créer l’espace de travail',
    dirDefault: 'le dossier courant',
    schemaName: 'framework ou rep',
    help: 'Afficher cette aide',
    // --- La boucle quotidienne (issue 14) ---
    logRep: fr`Le commercial : son identifiant ou son nom`,
    logScores: fr`Les notes : chaque compétence par identifiant ou libellé, chaque note écrite 2,5 ou 2.5`,
    date: 'Le jour de la séance',
    dateDefault: 'aujourd’hui, ou le jour de --as-of',
    kind: 'Le type de séance, en vos mots (accompagnement terrain, écoute d’appel…)',
    context: 'Le contexte, par identifiant ou libellé',
    strengths: 'Ce qui a bien marché',
    improvements: 'Ce qui est à améliorer',
    note: 'Ce qui a été vu d’une compétence (répétable)',
    action: 'Une action convenue (répétable)',
    newRep: 'Un commercial nouveau dans l’espace de travail, par son nom complet (son identifiant en est tiré)',
    role: fr`Avec --new : son rôle, par identifiant ou libellé`,
    team: fr`Avec --new : son équipe`,
    manager: fr`Avec --new : son manager`,
    days: 'Un commercial est en retard après ce nombre de jours sans séance',
    statusFormat: 'text (un tableau) ou json (pour un rappel automatique, sur la sortie standard)',
    newYear: 'L’année à préparer',
    newYearDefault: 'l’année qui suit la dernière',
    port: fr`Le port d’écoute, sur 127.0.0.1 ; 0 en choisit un libre`,
  },

  // --- La boucle quotidienne (issue 14) ----------------------------------------------
  logWritten: (p) =>
    fr`✓ séance du ${p.date} ajoutée pour ${p.name} à ${p.file}${p.created ? ' (nouveau fichier)' : ''}`,
  logMissing: (p) => fr`il manque : ${list(p.missing)}`,
  logMissingHint: (p) =>
    fr`par exemple revue log ${p.rep}${p.context === undefined ? '' : ` --context ${p.context}`} ${p.scores.map((s) => `${s.id}=${String(s.score).replace('.', ',')}`).join(' ')} (sur un terminal, revue log pose les questions)`,
  logMissingRep: 'le commercial (REP, ou --new "Prénom Nom")',
  logMissingScores: 'au moins une note (COMPÉTENCE=NOTE)',
  logMissingRole: '--role (pour --new)',
  logRepAndNew: (p) => fr`donnez soit un commercial (${quote(p.rep)}), soit --new, pas les deux`,
  logUnknownRep: (p) => fr`aucun commercial ${quote(p.rep)} dans l’espace de travail`,
  logNewRepHint: fr`un commercial nouveau : revue log --new "Prénom Nom" --role RÔLE --team ÉQUIPE`,
  logRepTaken: (p) => fr`--new : l’identifiant ${quote(p.id)} est déjà pris (${p.file})`,
  logRepTakenHint: (p) => fr`pour une séance de ce commercial : revue log ${p.id} …`,
  logNoSlug: (p) => fr`--new : aucun identifiant ne peut être tiré de ${quote(p.name)}`,
  logUnknownRole: (p) => fr`--role : rôle inconnu ${quote(p.role)} (rôles : ${p.roles.join(', ')})`,
  logRefused: (p) => fr`rien n’a été écrit dans ${p.file} : la séance rendrait l’espace de travail invalide`,
  logArgumentsRefused: fr`rien n’a été écrit : la ligne de commande comporte des erreurs`,
  logCancelled: fr`annulé : rien n’a été écrit`,
  logTitle: (p) => fr`Une séance de ${p.name}`,
  statusGroup: (p) => [p.team ?? 'sans équipe', p.manager].filter((x) => x !== null).join(' — '),
  statusColumns: {
    rep: 'commercial',
    last: 'dernière séance',
    days: 'jours',
    monthsMissed: 'mois manqués',
    neverObserved: 'jamais observé',
  },
  statusNever: 'jamais',
  statusOverdue: 'en retard',
  statusNone: '—',
  statusNeverObserved: (p) =>
    [
      ...(p.competencies.length > 0 ? [p.competencies.join(', ')] : []),
      ...(p.contexts.length > 0
        ? [fr`${p.contexts.length === 1 ? 'contexte' : 'contextes'} : ${p.contexts.join(', ')}`]
        : []),
    ].join(fr` ; `),
  statusSummary: (p) =>
    fr`${p.overdue} sur ${plural(p.total, 'commercial', 'commerciaux')} en retard (aucune séance depuis plus de ${p.days} jours, ou jamais) au ${p.asOf}`,
  statusNoReps: (p) => fr`aucun commercial n’a de fichier pour ${p.year}`,
  newYearWrote: (p) => fr`✓ ${plural(p.count, 'fichier écrit', 'fichiers écrits')} pour ${p.year} :`,
  newYearFile: (p) => `  ${p.file}${p.goals.length === 0 ? '' : fr`  (objectifs : ${p.goals.join(', ')})`}`,
  newYearNothing: (p) => fr`chaque commercial de ${p.previous} a déjà un fichier pour ${p.year} : rien n’a été écrit`,
  newYearNoPrevious: (p) => fr`aucune donnée en ${p.previous} pour préparer ${p.year}`,
  newYearKept: (p) => fr`  ${p.file} existe déjà : laissé tel quel`,
  previewServing: (p) => fr`Aperçu sur ${p.url} (Ctrl-C pour arrêter)`,
  previewStopped: 'aperçu arrêté',
  previewInvalid: (p) =>
    fr`Le dernier enregistrement comporte ${plural(p.errors, 'erreur', 'erreurs')} : la page montre le dernier rapport valide.`,
  previewPrint: 'PDF',
  previewBuildFailed: fr`La dernière construction a échoué : la page montre le dernier rapport valide.`,
  previewPortInUse: (p) => fr`le port ${p.port} est déjà utilisé sur 127.0.0.1`,
  previewPortHint: fr`choisissez-en un autre avec --port P, ou laissez revue en prendre un libre : --port 0`,
  logWorkspaceInvalid: fr`rien n’a été écrit : l’espace de travail comporte des erreurs, à corriger d’abord (revue validate les liste)`,
};
