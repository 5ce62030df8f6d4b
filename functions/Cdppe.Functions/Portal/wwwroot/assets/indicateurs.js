// Indicateurs: each indicator's monthly series against its targets, as a chart (Chart.js, served by the app) and
// a table; gaps and unreliable months are shown, with the status; CSV export.
import { el, fill, fr, badge, alertBox, apiJson, apiQuery, startPage, table } from './common.js';
import { showRemarks } from './remarques.js';

const main = document.getElementById('contenu');
let chart = null;

function figure(series, value, text) {
  if (value === null || value === undefined) return text || '';
  return series.isPercent ? fr.percent(value) : fr.count(value);
}

function hasTarget(series) {
  return series.months.some((m) => m.target !== null);
}

function drawChart(canvas, series) {
  if (chart) chart.destroy();
  const scale = series.isPercent ? 100 : 1;
  const values = series.months.map((m) => (m.value === null ? null : m.value * scale));
  const targets = series.months.map((m) => (m.target === null ? null : m.target * scale));
  // Chart.js is loaded by its own script tag (window.Chart); the page works without it (the table stays).
  if (!window.Chart) return;
  chart = new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: series.months.map((m) => m.label),
      datasets: [
        { label: 'Valeur', data: values, borderColor: '#000091', backgroundColor: '#000091', spanGaps: false, pointRadius: series.months.map((m) => (m.reliable ? 4 : 7)), pointStyle: series.months.map((m) => (m.reliable ? 'circle' : 'triangle')) },
        // A series without a target (a context series) has no target line, nor its legend.
        ...(hasTarget(series) ? [{ label: 'Cible', data: targets, borderColor: '#ce0500', backgroundColor: '#ce0500', borderDash: [6, 4], pointRadius: 2, spanGaps: true }] : []),
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      locale: 'fr-FR',
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => (series.isPercent ? fr.number(v, 0) + '\u00a0%' : fr.number(v)) } } },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label} : ${c.raw === null ? 'non renseigné' : (series.isPercent ? fr.number(c.raw, 1) + '\u00a0%' : fr.count(c.raw))}` } } },
    },
  });
}

function detail(series, holder) {
  const canvas = el('canvas', { id: 'graphique', role: 'img', 'aria-label': `Évolution mensuelle de « ${series.label} »${hasTarget(series) ? ' comparée à sa cible' : ''} ; les valeurs sont dans le tableau qui suit.` });
  const gaps = series.months.filter((m) => m.gap).map((m) => m.label);
  const unreliable = series.months.filter((m) => !m.reliable && !m.gap).map((m) => m.label);
  fill(holder,
    el('h2', { id: 'titre-detail', tabindex: '-1' }, series.label),
    el('p', {}, badge(series.status), ` Code ${series.code}`, series.objectif ? ` · objectif ${series.objectif}` : '', series.target ? ` · cible ${series.target}` : ''),
    gaps.length ? alertBox('attention', el('p', {}, `Mois sans valeur : ${gaps.join(', ')}.`)) : null,
    unreliable.length ? alertBox('attention', el('p', {}, `Valeurs déclarées non fiables (triangles sur le graphique) : ${unreliable.join(', ')}.`)) : null,
    el('div', { className: 'graphique' }, canvas),
    table(`Valeurs mensuelles de « ${series.label} »`, ['Mois', 'Valeur', 'Cible', 'Statut', 'Fiable'],
      series.months.map((m) => [m.label, m.gap ? badge('non renseigné') : figure(series, m.value, m.text), figure(series, m.target, m.targetText), badge(m.status), m.gap ? '' : (m.reliable ? 'oui' : badge('non fiable', 'non-fiable'))]),
      { numeric: [1, 2] }));
  drawChart(canvas, series);
}

const context = await startPage('/indicateurs');
if (context) {
  try {
    const all = await apiJson('indicators?' + apiQuery(context));
    const holder = el('section', { id: 'detail' });
    const select = el('select', { id: 'choix-indicateur' }, all.map((s, i) => el('option', { value: String(i) }, `${s.code} – ${s.label}`)));
    const show = el('button', { type: 'button', id: 'voir-graphique' }, 'Voir le graphique');
    show.addEventListener('click', () => { detail(all[Number(select.value)], holder); holder.querySelector('h2').focus(); });
    const rows = all.map((s, i) => {
      const open = el('button', { type: 'button', className: 'secondaire', 'aria-label': `Graphique de ${s.label}` }, 'Graphique');
      open.addEventListener('click', () => { select.value = String(i); detail(s, holder); holder.querySelector('h2').focus(); });
      return [s.code, s.label, s.objectif ?? '', badge(s.status), s.target ?? '', fr.number(s.gaps), fr.number(s.unreliableMonths), open];
    });
    fill(main,
      el('h1', {}, `Indicateurs ${context.annee} – ${context.nom} (${context.departement})`),
      el('p', { className: 'chapeau' }, 'Chaque indicateur mois par mois, comparé à sa cible ; les mois sans valeur et les valeurs non fiables sont signalés.'),
      el('div', { className: 'actions' },
        el('a', { className: 'bouton secondaire', id: 'export-csv', href: '/api/portal/indicators/csv?' + apiQuery(context), download: true }, 'Exporter en CSV (Excel)')),
      all.length === 0
        ? alertBox('', el('p', {}, `Aucun indicateur pour ${context.annee} : déposez le plan d\u2019action, le tableau de bord ou le suivi mensuel.`))
        : el('div', {},
          el('div', { className: 'filtres' }, el('div', { className: 'champ' }, el('label', { for: 'choix-indicateur' }, 'Indicateur'), select), show),
          holder,
          el('h2', {}, 'Tous les indicateurs'),
          table(`Indicateurs ${context.annee}`, ['Code', 'Libellé', 'Objectif', 'Statut', 'Cible', 'Mois sans valeur', 'Mois non fiables', 'Détail'], rows, { numeric: [5, 6] })));
    await showRemarks(context, 'indicateurs');
  } catch (error) {
    fill(main, el('h1', {}, 'Indicateurs'), alertBox('erreur', el('p', {}, error.message)));
  }
}
