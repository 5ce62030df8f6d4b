// Indicateurs: every indicator of the year, found by words or reference, filtered (engagement, objectif, status,
// target, unreliable months), sorted by any column, grouped by engagement or objectif; each opens its own page
// (/indicateur?code=…) with its chart. The filters live in the address, so a filtered list can be shared.
import { el, fill, fr, badge, alertBox, apiJson, apiQuery, pageLink, startPage, table } from './common.js';
import { exportTable, folded } from './tables.js';
import { showRemarks } from './remarques.js';

const main = document.getElementById('contenu');
const headers = ['Réf.', 'Indicateur', 'Objectif', 'Statut', 'Cible', 'Mois sans valeur', 'Mois non fiables'];
const numeric = [5, 6];
const filters = [
  { key: 'engagement', label: 'Engagement', value: (s) => s.engagement || 'Sans engagement' },
  { key: 'objectif', label: 'Objectif', value: (s) => (s.objectif ? `Objectif ${s.objectif}` : 'Sans objectif') },
  { key: 'statut', label: 'Statut', value: (s) => s.status },
  { key: 'cible', label: 'Cible', value: (s) => (s.target ? 'avec cible' : 'sans cible') },
  { key: 'fiabilite', label: 'Mois non fiables', value: (s) => (s.unreliableMonths > 0 ? 'avec mois non fiables' : 'sans mois non fiable') },
];
const groupings = [
  { value: '', label: 'Aucun' },
  { value: 'engagement', label: 'Engagement', of: (s) => s.engagement || 'Sans engagement' },
  { value: 'objectif', label: 'Objectif', of: (s) => (s.objectif ? `Objectif ${s.objectif} – ${s.objectifLabel ?? ''}` : 'Sans objectif') },
];

function detailLink(context, s) {
  return pageLink('/indicateur', context) + '&code=' + encodeURIComponent(s.code);
}

function row(context, s) {
  return [
    s.ref ?? '',
    el('a', { href: detailLink(context, s) }, s.label),
    s.objectif ? { value: String(s.objectif), sort: s.objectif } : '',
    badge(s.status),
    s.target ?? '',
    fr.number(s.gaps),
    fr.number(s.unreliableMonths),
  ];
}

function matches(s, words, chosen) {
  for (const f of filters) if (chosen[f.key] && f.value(s) !== chosen[f.key]) return false;
  const text = folded([s.ref, s.code, s.label, s.objectif ? `objectif ${s.objectif}` : '', s.objectifLabel, s.engagement].join(' '));
  return words.every((w) => text.includes(w));
}

function render(context, all) {
  const params = new URLSearchParams(location.search);
  const search = el('input', { type: 'search', id: 'recherche', value: params.get('q') || '', autocomplete: 'off' });
  const selects = filters.map((f) => {
    const values = [...new Set(all.map(f.value))].sort((a, b) => a.localeCompare(b, 'fr', { numeric: true }));
    const select = el('select', { id: `filtre-${f.key}` }, el('option', { value: '' }, 'Tous'), values.map((v) => el('option', { value: v, selected: params.get(f.key) === v }, v)));
    return { f, select, field: el('div', { className: 'champ' }, el('label', { for: `filtre-${f.key}` }, f.label), select) };
  });
  const group = el('select', { id: 'regrouper' }, groupings.map((g) => el('option', { value: g.value, selected: (params.get('groupe') || '') === g.value }, g.label)));
  const count = el('p', { className: 'discret', id: 'nombre-indicateurs', 'aria-live': 'polite' });
  const results = el('div', { id: 'liste-indicateurs' });
  const message = el('div', { 'aria-live': 'polite' });
  let shown = [];

  function update() {
    const words = folded(search.value).split(/\s+/).filter(Boolean);
    const chosen = Object.fromEntries(selects.map(({ f, select }) => [f.key, select.value]));
    shown = all.filter((s) => matches(s, words, chosen));
    const next = new URLSearchParams(location.search);
    for (const [k, v] of [['q', search.value.trim()], ...Object.entries(chosen), ['groupe', group.value]]) {
      if (v) next.set(k, v); else next.delete(k);
    }
    history.replaceState(null, '', `${location.pathname}?${next}`);
    count.textContent = `${fr.number(shown.length)} indicateur${shown.length > 1 ? 's' : ''} sur ${fr.number(all.length)}`;
    const grouping = groupings.find((g) => g.value === group.value);
    if (shown.length === 0) {
      fill(results, alertBox('', el('p', {}, 'Aucun indicateur ne répond à ces critères.')));
    } else if (!grouping || !grouping.of) {
      fill(results, table(`Indicateurs ${context.annee}`, headers, shown.map((s) => row(context, s)), { numeric, tools: false }));
    } else {
      const groups = new Map();
      for (const s of shown) {
        const key = grouping.of(s);
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(s);
      }
      fill(results, [...groups].map(([key, items]) => el('section', { className: 'groupe' },
        el('h3', {}, key),
        table(`${key} : ${fr.number(items.length)} indicateur${items.length > 1 ? 's' : ''}`, headers, items.map((s) => row(context, s)), { numeric, tools: false }))));
    }
  }

  search.addEventListener('input', update);
  group.addEventListener('change', update);
  selects.forEach(({ select }) => select.addEventListener('change', update));
  const reset = el('button', { type: 'button', className: 'secondaire', id: 'effacer-filtres' }, 'Effacer les filtres');
  reset.addEventListener('click', () => { search.value = ''; selects.forEach(({ select }) => { select.value = ''; }); update(); search.focus(); });
  const exportButton = el('button', { type: 'button', className: 'secondaire', id: 'export-xlsx' }, 'Exporter en Excel (.xlsx)');
  exportButton.addEventListener('click', async () => {
    fill(message);
    try {
      await exportTable(`Indicateurs ${context.annee} – ${context.nom} (${context.departement})`, `indicateurs-${context.departement}-${context.annee}`,
        ['Réf.', 'Code', 'Indicateur', 'Engagement', 'Objectif', 'Statut', 'Cible', 'Mois sans valeur', 'Mois non fiables'],
        shown.map((s) => [s.ref ?? '', s.code, s.label, s.engagement ?? '', s.objectif ? String(s.objectif) : '', s.status, s.target ?? '', fr.number(s.gaps), fr.number(s.unreliableMonths)]),
        [7, 8]);
    } catch (error) {
      fill(message, alertBox('erreur', el('p', {}, error.message)));
    }
  });

  fill(main,
    el('h1', {}, `Indicateurs ${context.annee} – ${context.nom} (${context.departement})`),
    el('p', { className: 'chapeau' }, 'Chaque indicateur mois par mois, comparé à sa cible. Cherchez par mots ou par référence (« 6.2 »), filtrez, triez en cliquant sur un titre de colonne, ouvrez un indicateur pour son graphique.'),
    el('form', { className: 'filtres recherche-indicateurs', role: 'search', 'aria-label': 'Rechercher un indicateur' },
      el('div', { className: 'champ large' }, el('label', { for: 'recherche' }, 'Rechercher', el('span', { className: 'aide' }, 'mots du libellé, référence ou code')), search),
      selects.map((s) => s.field),
      el('div', { className: 'champ' }, el('label', { for: 'regrouper' }, 'Regrouper par'), group),
      el('div', { className: 'champ' }, reset)),
    el('div', { className: 'actions' },
      count,
      exportButton,
      el('a', { className: 'bouton secondaire', id: 'export-csv', href: '/api/portal/indicators/csv?' + apiQuery(context), download: true }, 'Tous les mois en CSV')),
    message,
    results);
  main.querySelector('form').addEventListener('submit', (e) => e.preventDefault());
  update();
}

const context = await startPage('/indicateurs');
if (context) {
  try {
    const all = await apiJson('indicators?' + apiQuery(context));
    if (all.length === 0) {
      fill(main, el('h1', {}, `Indicateurs ${context.annee} – ${context.nom} (${context.departement})`),
        alertBox('', el('p', {}, `Aucun indicateur pour ${context.annee} : déposez le plan d\u2019action, le tableau de bord ou le suivi mensuel.`)));
    } else {
      render(context, all);
    }
    await showRemarks(context, 'indicateurs');
  } catch (error) {
    fill(main, el('h1', {}, 'Indicateurs'), alertBox('erreur', el('p', {}, error.message)));
  }
}
