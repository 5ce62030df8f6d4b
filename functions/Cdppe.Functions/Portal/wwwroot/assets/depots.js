// Dépôts: drop one or several workbooks (drag and drop or file picker) with progress, follow each file
// (envoi → reçu → importé / refusé), read the problems of a file with filters, download its annotated copy and
// its ingestion report, and the history of every drop with what was superseded.
import { el, fill, fr, badge, alertBox, apiJson, apiQuery, csrfToken, pageLink, startPage, table, PortalError } from './common.js';

const main = document.getElementById('contenu');
const maxBytes = 100 * 1024 * 1024;
const pollMilliseconds = 1000;
const pollLimit = 300;
let context;
let history = [];
const problemsSection = el('section', { id: 'problemes', tabindex: '-1' });
const historySection = el('section', { id: 'historique' });

function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/portal/drops?' + apiQuery(context, {}));
    request.setRequestHeader('X-Cdppe-Csrf', csrfToken());
    request.setRequestHeader('X-Cdppe-Fichier', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); });
    request.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch { /* not JSON */ }
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new PortalError((body && body.detail) || `Le serveur a répondu ${request.status}.`, request.status, body));
    });
    request.addEventListener('error', () => reject(new PortalError('Le fichier n\u2019a pas pu être envoyé (connexion interrompue).', 0)));
    request.send(file);
  });
}

async function follow(id, setStatus) {
  for (let i = 0; i < pollLimit; i++) {
    try {
      const drop = await apiJson(`drops/${encodeURIComponent(id)}?` + apiQuery(context));
      return drop;
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    setStatus('reçu', 'En attente de l\u2019import…');
    await new Promise((r) => setTimeout(r, pollMilliseconds));
  }
  throw new PortalError('L\u2019import n\u2019est pas terminé après cinq minutes : rechargez la page plus tard.', 0);
}

function dropFile(file, list) {
  const status = el('span', {});
  const detail = el('span', { className: 'discret' });
  const progress = el('progress', { max: '100', value: '0', 'aria-label': `Envoi de ${file.name}` });
  const actions = el('span', {});
  const item = el('li', {}, el('span', { className: 'nom-fichier' }, file.name), el('span', { className: 'discret' }, fr.size(file.size)), progress, status, detail, actions);
  const setStatus = (text, more) => { fill(status, badge(text)); detail.textContent = more || ''; };
  list.append(item);
  setStatus('envoi', '');
  if (!/\.(xlsx|xlsm|xls|ods)$/i.test(file.name)) {
    progress.remove();
    setStatus('refusé', 'Seuls les classeurs Excel (.xlsx, .xls) et LibreOffice Calc (.ods) sont acceptés.');
    return Promise.resolve();
  }
  if (file.size > maxBytes) {
    progress.remove();
    setStatus('refusé', `Le fichier dépasse la limite de ${fr.number(maxBytes / (1024 * 1024))} Mo.`);
    return Promise.resolve();
  }
  return upload(file, (ratio) => { progress.value = Math.round(ratio * 100); })
    .then((receipt) => {
      progress.remove();
      setStatus('reçu', 'Import en cours…');
      return follow(receipt.id, setStatus).then((drop) => ({ drop, earlier: receipt.alreadyDropped }));
    })
    .then(({ drop, earlier }) => {
      const what = drop.status === 'accepted'
        ? `${drop.kinds.map((k) => k.label).join(', ')}${drop.warnings ? ` · ${fr.number(drop.warnings)} avertissement${drop.warnings > 1 ? 's' : ''}` : ''}`
        : `${fr.number(drop.errors)} erreur${drop.errors > 1 ? 's' : ''}`;
      // The same bytes were already dropped: nothing new is imported; the earlier import is the one shown.
      setStatus(drop.statusLabel, earlier ? `déjà déposé le ${fr.dateTime(earlier.receivedAt)} (« ${earlier.fileName} ») : rien de nouveau n\u2019est importé · ${what}` : what);
      const buttons = [];
      if (earlier) {
        const previous = el('button', { type: 'button', className: 'secondaire' }, 'Voir l\u2019import précédent');
        previous.addEventListener('click', () => showProblems(drop.id));
        buttons.push(previous);
      } else if (drop.errors + drop.warnings > 0) {
        const show = el('button', { type: 'button', className: 'secondaire' }, 'Voir les problèmes');
        show.addEventListener('click', () => showProblems(drop.id));
        buttons.push(show);
      }
      fill(actions, buttons);
      return refreshHistory();
    })
    .catch((error) => {
      progress.remove();
      setStatus('refusé', error.message);
    });
}

function picker(list) {
  const input = el('input', { type: 'file', id: 'fichiers', name: 'fichiers', multiple: true, accept: '.xlsx,.xlsm,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet' });
  const zone = el('div', { className: 'zone-depot', id: 'zone-depot' },
    el('p', {}, el('strong', {}, 'Glissez-déposez ici un ou plusieurs classeurs Excel (.xlsx, .xls) ou LibreOffice Calc (.ods)')),
    el('p', {}, 'ou'),
    el('div', { className: 'champ' }, el('label', { for: 'fichiers' }, 'Choisir des classeurs', el('span', { className: 'aide' }, `Un classeur peut contenir plusieurs feuilles ; ${fr.number(maxBytes / (1024 * 1024))} Mo au plus par fichier.`)), input));
  const send = (files) => Promise.all([...files].map((f) => dropFile(f, list)));
  input.addEventListener('change', () => { send(input.files).then(() => { input.value = ''; }); });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('survol'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('survol'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('survol'); send(e.dataTransfer.files); });
  return zone;
}

function problemsTable(issues, caption) {
  const severity = el('select', { id: 'filtre-gravite' },
    el('option', { value: '' }, 'Toutes'), ['erreur', 'avertissement', 'information'].map((s) => el('option', { value: s }, s)));
  const sheets = [...new Set(issues.map((i) => i.sheet).filter(Boolean))];
  const sheet = el('select', { id: 'filtre-feuille' }, el('option', { value: '' }, 'Toutes'), sheets.map((s) => el('option', { value: s }, s)));
  const search = el('input', { id: 'filtre-texte', type: 'search', autocomplete: 'off' });
  const count = el('p', { role: 'status', className: 'discret' });
  const holder = el('div', {});
  const draw = () => {
    const text = search.value.trim().toLowerCase();
    const shown = issues.filter((i) => (!severity.value || i.severity === severity.value)
      && (!sheet.value || i.sheet === sheet.value)
      && (!text || `${i.message} ${i.cell || ''} ${i.seen || ''} ${i.expected || ''}`.toLowerCase().includes(text)));
    count.textContent = `${fr.number(shown.length)} problème${shown.length > 1 ? 's' : ''} affiché${shown.length > 1 ? 's' : ''} sur ${fr.number(issues.length)}.`;
    fill(holder, table(caption, ['Gravité', 'Feuille', 'Cellule', 'Vu', 'Attendu', 'Message'],
      shown.map((i) => [badge(i.severity), i.sheet || '', i.cell || '', i.seen || '', i.expected || '', i.message]), { filter: false }));
  };
  for (const control of [severity, sheet]) control.addEventListener('change', draw);
  search.addEventListener('input', draw);
  draw();
  return el('div', {},
    el('div', { className: 'filtres' },
      el('div', { className: 'champ' }, el('label', { for: 'filtre-gravite' }, 'Gravité'), severity),
      el('div', { className: 'champ' }, el('label', { for: 'filtre-feuille' }, 'Feuille'), sheet),
      el('div', { className: 'champ' }, el('label', { for: 'filtre-texte' }, 'Rechercher'), search)),
    count, holder);
}

async function showProblems(id) {
  try {
    const drop = await apiJson(`drops/${encodeURIComponent(id)}?` + apiQuery(context));
    const links = [];
    if (drop.hasAnnotatedCopy) {
      links.push(el('a', { className: 'bouton', id: 'copie-annotee', href: `/api/portal/drops/${encodeURIComponent(id)}/annotated?` + apiQuery(context), download: true }, 'Télécharger la copie annotée'));
    }
    links.push(el('a', { className: 'bouton secondaire', href: `/api/portal/drops/${encodeURIComponent(id)}/report?` + apiQuery(context), download: true }, 'Télécharger le rapport d\u2019import'));
    fill(problemsSection,
      el('h2', { id: 'titre-problemes' }, `Problèmes de « ${drop.fileName} »`),
      el('p', {}, badge(drop.statusLabel), ` Reçu le ${fr.dateTime(drop.receivedAt)} · ${fr.number(drop.errors)} erreur${drop.errors > 1 ? 's' : ''}, ${fr.number(drop.warnings)} avertissement${drop.warnings > 1 ? 's' : ''}.`),
      drop.status === 'rejected' ? alertBox('erreur', el('p', {}, 'Fichier refusé : rien n\u2019a été importé. Corrigez les erreurs (la copie annotée porte une note sur chaque cellule en cause), puis déposez-le à nouveau.')) : null,
      el('div', { className: 'actions' }, links),
      drop.issues.some((i) => i.code === 'aucune-feuille-reconnue')
        ? el('p', { id: 'vers-modeles' }, 'Ce classeur n\u2019est d\u2019aucun type connu : ', el('a', { href: pageLink('/modeles', context) }, 'téléchargez le modèle de son type'), ', remplissez-le, puis déposez-le.')
        : null,
      drop.issues.length === 0 ? el('p', {}, 'Aucun problème.') : problemsTable(drop.issues, `Problèmes de « ${drop.fileName} »`));
    problemsSection.focus();
  } catch (error) {
    fill(problemsSection, alertBox('erreur', el('p', {}, error.message)));
  }
}

async function refreshHistory() {
  history = await apiJson('drops?' + apiQuery(context));
  const names = new Map(history.map((d) => [d.id, d.fileName]));
  const rows = history.map((d) => {
    const show = el('button', { type: 'button', className: 'secondaire' }, 'Problèmes');
    show.addEventListener('click', () => showProblems(d.id));
    const replaced = d.supersededBy.map((s) => s.split(':')).map(([kind, id]) => `${kind} par « ${names.get(id) || id.slice(0, 8)} »`);
    return [
      d.fileName,
      { value: fr.dateTime(d.receivedAt), sort: d.receivedAt },
      d.deposePar || '',
      el('span', {}, badge(d.statusLabel), replaced.length ? [' ', badge('remplacé', 'remplace')] : null),
      d.kinds.map((k) => k.label).join(', '),
      d.years.join(', '),
      fr.number(d.errors),
      fr.number(d.warnings),
      replaced.join(' ; '),
      show,
    ];
  });
  fill(historySection,
    el('h2', { id: 'titre-historique' }, 'Historique des dépôts'),
    history.length === 0 ? el('p', {}, 'Aucun fichier déposé.') : table('Tous les fichiers déposés, du plus récent au plus ancien', ['Fichier', 'Reçu le', 'Déposé par', 'Statut', 'Contenu', 'Années', 'Erreurs', 'Avertissements', 'Remplacé', 'Détail'], rows, { numeric: [6, 7] }));
}

context = await startPage('/depots');
if (context) {
  const list = el('ul', { className: 'fichiers', id: 'envois', 'aria-live': 'polite', 'aria-label': 'Fichiers envoyés' });
  fill(main,
    el('h1', {}, `Dépôts – ${context.nom} (${context.departement})`),
    el('p', { className: 'chapeau' }, 'Chaque fichier est archivé tel quel, lu, contrôlé, puis importé ou refusé avec la liste de ses problèmes.'),
    picker(list),
    list,
    problemsSection,
    historySection);
  try {
    await refreshHistory();
  } catch (error) {
    fill(historySection, alertBox('erreur', el('p', {}, error.message)));
  }
}
