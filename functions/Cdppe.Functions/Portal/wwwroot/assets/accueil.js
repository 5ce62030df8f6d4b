// Accueil of a département: last drops, what the year's report still misses, consolidation, the report.
import { el, fill, fr, badge, alertBox, apiJson, apiQuery, download, pageLink, startPage, table } from './common.js';
import { showRemarks } from './remarques.js';

const main = document.getElementById('contenu');
// The result of the last action: kept when the page is drawn again, replaced by the next action's.
const message = el('div', { 'aria-live': 'polite', id: 'resultat-action' });

function figures(o) {
  const f = o.figures;
  const byStatus = ['atteint', 'en bonne voie', 'en retard', 'non renseigné', 'sans cible', 'non fiable']
    .filter((s) => f.indicatorsByStatus[s])
    .map((s) => el('li', {}, badge(s), ` ${fr.number(f.indicatorsByStatus[s])}`));
  if (f.contextSeries > 0) {
    byStatus.push(el('li', {}, `${fr.number(f.contextSeries)} série${f.contextSeries > 1 ? 's' : ''} de contexte, sans cible ni statut`));
  }
  return el('div', { className: 'cartes' },
    el('div', { className: 'carte' }, el('h3', {}, `Budget prévu ${f.period}`), el('p', { className: 'chiffre' }, fr.euros(f.budget)), el('p', { className: 'discret' }, 'Rapport financier (budget global)')),
    el('div', { className: 'carte' }, el('h3', {}, `Consommé ${f.period}`), el('p', { className: 'chiffre' }, fr.euros(f.consumed)), el('p', { className: 'discret' }, f.rate === null ? 'Pas de budget prévu' : `${fr.percent(f.rate)} du budget`)),
    el('div', { className: 'carte' }, el('h3', {}, 'Indicateurs'), el('p', { className: 'chiffre' }, fr.number(f.indicators)), el('ul', {}, byStatus)));
}

function missing(o, context) {
  const items = [];
  if (o.missingKinds.length > 0) {
    items.push(el('h3', {}, 'Classeurs non déposés'),
      el('ul', {}, o.missingKinds.map((k) => el('li', {}, k.label))),
      el('p', {}, el('a', { href: pageLink('/modeles', context) }, 'Télécharger les modèles'), ' · ', el('a', { href: pageLink('/depots', context) }, 'Déposer des classeurs')));
  }
  // A month not consolidated yet is not missing anything: it is said apart, with when it will be.
  const gaps = o.missingMonths.filter((m) => !m.notConsolidated);
  const pending = o.missingMonths.filter((m) => m.notConsolidated);
  if (gaps.length > 0) {
    items.push(el('h3', {}, 'Mois sans valeur'),
      el('ul', {}, gaps.map((m) => el('li', {}, `${m.label} : ${fr.number(m.missing)} indicateur${m.missing > 1 ? 's' : ''} sans valeur sur ${fr.number(m.known)}`))));
  }
  if (pending.length > 0) {
    items.push(el('h3', {}, 'Mois pas encore consolidés'),
      el('p', { id: 'mois-a-consolider' }, `${pending.map((m) => m.label).join(', ')} : ${pending.length > 1 ? 'ils seront calculés' : 'il sera calculé'} à la prochaine consolidation (chaque nuit, ou « Consolider maintenant »).`));
  }
  if (o.unreliable.length > 0) {
    items.push(el('h3', {}, 'Valeurs déclarées non fiables'),
      el('ul', {}, o.unreliable.map((u) => el('li', {}, `${u.label} : ${u.months.length} mois (dernière valeur ${u.lastValue ?? 'inconnue'})`))));
  }
  if (items.length === 0) {
    return alertBox('succes', el('p', {}, `Rien ne manque pour le rapport ${o.year}.`));
  }
  return el('div', {}, items);
}

function lastDrops(o, context) {
  if (o.lastDrops.length === 0) {
    return el('p', {}, 'Aucun fichier déposé pour l\u2019instant. ', el('a', { href: pageLink('/depots', context) }, 'Déposer des classeurs'));
  }
  return el('div', {},
    table('Les cinq derniers fichiers déposés', ['Fichier', 'Reçu le', 'Statut', 'Contenu', 'Erreurs', 'Avertissements'],
      o.lastDrops.map((d) => [d.fileName, { value: fr.dateTime(d.receivedAt), sort: d.receivedAt }, badge(d.statusLabel), d.kinds.map((k) => k.label).join(', '), fr.number(d.errors), fr.number(d.warnings)]),
      { numeric: [4, 5] }),
    el('p', {}, el('a', { href: pageLink('/depots', context) }, 'Tous les dépôts et leurs problèmes')));
}

async function consolidate(button, context) {
  button.disabled = true;
  fill(message, el('p', { role: 'status' }, 'Consolidation en cours…'));
  try {
    const runs = await apiJson('consolidations?' + apiQuery(context), { method: 'POST' });
    const months = runs.flatMap((r) => r.months);
    fill(message, alertBox('succes', el('p', {}, months.length === 0 ? 'Tout était déjà consolidé.' : `Consolidé : ${months.length} mois.`)));
    await render(context);
  } catch (error) {
    fill(message, alertBox('erreur', el('p', {}, error.message)));
    button.disabled = false;
  }
}

async function render(context) {
  const o = await apiJson('overview?' + apiQuery(context));
  const reportButton = el('button', { type: 'button', id: 'telecharger-rapport', disabled: !o.reportAvailable }, `Télécharger le rapport d\u2019exécution ${o.year}`);
  reportButton.addEventListener('click', async () => {
    try {
      const name = await download('report?' + apiQuery(context), `rapport-execution-${o.departement}-${o.year}.docx`);
      fill(message, alertBox('succes', el('p', {}, `Rapport téléchargé : ${name}.`)));
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });
  const consolidateButton = el('button', { type: 'button', className: 'secondaire', id: 'consolider' }, 'Consolider maintenant');
  consolidateButton.addEventListener('click', () => consolidate(consolidateButton, context));
  fill(main,
    el('h1', {}, `Accueil – ${o.name} (${o.departement})`),
    el('p', { className: 'chapeau' }, `Rapport d\u2019exécution ${o.year} : ce qui est importé, ce qui manque encore.`),
    message,
    el('div', { className: 'actions' },
      reportButton,
      consolidateButton,
      el('span', { className: 'discret', id: 'date-consolidation' }, o.lastConsolidation ? `Dernière consolidation : ${fr.dateTime(o.lastConsolidation)}` : 'Les indicateurs n\u2019ont jamais été consolidés.')),
    o.reportAvailable ? null : alertBox('attention', el('p', {}, `Aucune donnée n\u2019est importée pour ${o.year} : le rapport ne peut pas encore être produit.`)),
    el('h2', {}, 'Chiffres clés'),
    figures(o),
    el('h2', {}, `Ce qui manque pour le rapport ${o.year}`),
    missing(o, context),
    el('h2', {}, 'Derniers dépôts'),
    lastDrops(o, context));
}

const context = await startPage('/');
if (context) {
  try {
    await render(context);
  } catch (error) {
    fill(main, el('h1', {}, 'Accueil'), alertBox('erreur', el('p', {}, error.message)));
  }
  await showRemarks(context);
}
