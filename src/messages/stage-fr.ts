/**
 * Les messages des étapes après la validation, en français : mêmes clés, mêmes
 * paramètres que le catalogue anglais (stage-en.ts). La balise `fr` compose les
 * mots du message, jamais ce qui y est inséré (un chemin, une commande).
 */
import type { StageCatalogue } from './stage-en.js';
import { decimal, fr } from './typography.js';

const quote = (text: string) => fr`« ${text} »`;

export const stageFr: StageCatalogue = {
  // --- Écrire les sorties ---------------------------------------------------------------------
  writeFailed: (p) => fr`impossible d’écrire ${p.file} : ${p.reason}`,
  writeOutside: (p) => fr`écriture refusée hors du dossier de sortie : ${p.file}`,
  folderNotWritable: 'le dossier n’est pas accessible en écriture',
  diskFull: 'le disque est plein',
  pathThroughFile: 'une partie du chemin est un fichier, pas un dossier',
  quotaExceeded: 'le quota du disque est dépassé',
  hintOtherOutOrPermissions: 'choisissez un autre dossier de sortie avec --out, ou corrigez ses droits',
  hintFreeSpace: 'libérez de la place, ou choisissez un autre dossier de sortie avec --out',
  hintOtherOut: 'choisissez un autre dossier de sortie avec --out',

  // --- Le verrou du dossier de sortie ------------------------------------------------------------
  locked: (p) =>
    fr`une autre construction écrit dans ${p.folder} : le verrou ${p.file} est tenu par ${p.holder}${p.waited}`,
  lockHolderUnknown: 'une autre construction',
  lockHolder: (p) =>
    fr`le processus ${p.pid}${p.host === '' ? '' : fr` sur ${p.host}`} (une construction lancée le ${p.started})`,
  lockWaited: (p) => fr`, toujours après ${decimal(p.seconds, Number.isInteger(p.seconds) ? 0 : 1)} s`,
  lockedHint: 'attendez qu’elle se termine, ou supprimez le fichier de verrou si aucune construction ne tourne',

  // --- Gabarits ----------------------------------------------------------------------------------
  noTemplate: (p) => fr`aucun gabarit « ${p.kind}.hbs » dans ${p.folder}`,
  templateNotCompiled: (p) => fr`${p.where} : le gabarit ne peut pas être compilé : ${p.reason}`,
  templateBlocksOrder: (p) =>
    fr`{{/${p.close}}} ferme {{#${p.open}}} : fermez les blocs dans l’ordre où ils ont été ouverts`,
  templateEndsInBlock: fr`le gabarit se termine dans un bloc : un {{#…}} n’a pas de {{/…}}`,
  templateUnclosed: 'un {{ n’est pas fermé par }}',
  templateEmptyExpression: 'une expression est vide ou inachevée avant }}',
  templateFailed: (p) => fr`${p.where} : ${p.reason}`,
  templateAndPartials: (p) => fr`${p.kind}.hbs (et ses partiels)`,

  // --- Le logo ----------------------------------------------------------------------------------
  logoNotImage: (p) => fr`le logo ${p.file} n’est pas une image que revue peut intégrer`,
  logoTypes: (p) => fr`utilisez l’un de ces formats : ${p.types.join(', ')}`,
  logo: (p) => fr`le logo ${p.file} (report.logo dans framework.yaml) ${p.what}`,
  logoUnreadable: (p) => fr`ne peut pas être lu : ${p.reason}`,
  logoOutside: 'est un lien vers un fichier hors du dossier des données',
  logoOutsideHint: 'copiez l’image dans le dossier des données',
  logoNotFile: 'n’est pas un fichier ordinaire (un tube nommé, un périphérique ou un dossier)',
  logoNotFileHint: 'utilisez un fichier image',
  logoTooLarge: (p) => fr`pèse ${p.size} : un logo pèse au plus ${p.max}, car il est intégré à chaque rapport`,
  logoMoreThan: (p) => fr`plus de ${p.max}`,
  logoTooLargeHint: fr`utilisez une image plus légère : un logo pèse d’ordinaire quelques ko (un SVG, ou un PNG de quelques centaines de pixels)`,
  megabytes: (p) => `${decimal(p.bytes / 1024 / 1024, 1)}\u00a0Mo`,
  doesNotExist: 'il n’existe pas',
  loopOfLinks: 'c’est une boucle de liens',
  permissionDenied: 'accès refusé',

  // --- Graphiques et impression --------------------------------------------------------------------
  chartNotDrawn: (p) => fr`Le graphique ${quote(p.label)} n’a pas pu être dessiné : ${p.reason}`,
  chartsNotDrawn: 'les graphiques n’ont pas été dessinés',
  tooManyPages: (p) => fr`le rapport a plus de ${p.max} pages : il n’a pas été écrit`,
  tooManyPagesHint: fr`un rapport fait quelques pages : cherchez un texte libre très long dans les données, ou un gabarit qui le répète`,
  htmlTooLarge: (p) =>
    fr`le HTML du rapport pèse ${p.size}, plus que les ${p.max} permis pour un rapport : il n’a pas été imprimé`,
  htmlTooLargeHint: fr`un rapport pèse environ 400 ko : cherchez un texte libre très long dans les données, ou un gabarit qui le répète`,
  notPrinted: (p) => fr`le document n’a pas été imprimé : ${p.why}`,
  navigatedAway: (p) => fr`la page l’a quitté pour ${p.url}`,
  notPrintedHint: fr`un gabarit ne doit pas naviguer : retirez le <meta http-equiv="refresh"> (ou ce qui a fait charger une autre page)`,
  idsNotRenumbered: (p) => fr`les identifiants de structure du PDF n’ont pas pu être renumérotés : ${p.reason}`,
  notReproducible: (p) => fr`${p.what}, donc deux constructions ne donneraient pas les mêmes octets`,
  notReproducibleHint: fr`signalez-le à revue avec la version du navigateur ; retirez SOURCE_DATE_EPOCH pour construire quand même`,
  validButNotReproducible: (p) => fr`${p.what} : ce PDF est valide mais pas reproductible`,
  metadataNotSet: (p) => fr`Impossible d’écrire les métadonnées du PDF : ${p.reason}`,

  // --- Le navigateur ------------------------------------------------------------------------------
  noBrowser: 'Aucun navigateur Chrome ou Chromium n’a été trouvé.',
  browserGiven: (p) =>
    fr`Le navigateur donné par ${p.where} est ${p.probe} : ${p.path}\nCorrigez le chemin, ou laissez la variable vide pour que revue en cherche un.\n\n${p.install}`,
  probeNotFound: 'introuvable',
  probeNotExecutable: 'non exécutable',
  browserInstall: [
    fr`Installez l’un de ceux-ci, puis relancez revue :`,
    '  npm run browser                                      (en trouve ou en installe un pour vous)',
    '  apt-get install chromium                             (Debian, Ubuntu)',
    '  npx puppeteer browsers install chrome-headless-shell (celui de puppeteer, dans ~/.cache/puppeteer)',
    fr`ou indiquez à revue un Chrome, Chromium ou Edge installé :`,
    '  REVUE_BROWSER=/chemin/vers/chrome revue build',
  ].join('\n'),
  browserNotStarted: (p) => fr`Impossible de lancer le navigateur ${p.path} : ${p.reason}`,
  browserNotStartedHint: (p) =>
    fr`Vérifiez que ce navigateur fonctionne sur cette machine (par exemple « ${p.path} --headless --version »). ` +
    fr`En root, ou dans un conteneur sans espaces de noms utilisateur, définissez REVUE_NO_SANDBOX=1. ` +
    fr`Un autre navigateur peut être choisi avec REVUE_BROWSER.`,
  crashedTwice: (p) =>
    fr`le navigateur a planté pendant ce rapport, puis de nouveau quand il a été imprimé seul : ${p.reason}`,
  browserFailed: (p) => fr`${p.context} : ${p.reason}`,

  // --- Parts, interruptions, index ----------------------------------------------------------------
  shardExpects: (p) => fr`--shard attend K/N, comme 3/40, et non ${quote(p.value)}`,
  shardExpectsHint: 'K est la part de cette machine (de 1 à N), N le nombre de parts',
  shardCount: (p) => fr`le nombre de parts doit être un entier ≥ 1, et non ${p.count}`,
  shardRange: (p) => fr`la part doit être entre 1 et ${p.count}, et non ${p.index}`,
  shardRangeHint: fr`les parts sont numérotées à partir de 1 : --shard 1/4 … --shard 4/4`,
  interrupted: (p) =>
    fr`la construction a été interrompue : ${p.missing} ${p.missing <= 1 ? 'rapport n’a pas été écrit' : 'rapports n’ont pas été écrits'}`,
  interruptedReport: 'la construction a été interrompue avant que ce rapport soit écrit',
  interruptedHint: fr`relancez la construction : elle ne produit que ce qui manque`,
  notBuiltYet: fr`pas encore construit : lancez revue build`,
  neverRendered: 'le rapport n’a jamais été produit',
};
