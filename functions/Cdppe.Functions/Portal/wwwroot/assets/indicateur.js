// One indicator, a page of its own (/indicateur?departement=77&annee=2022&code=…): what it is, its status, its
// months against its targets as a chart (Chart.js, served by the app) and as a table; gaps and unreliable months.
import { el, fill, fr, badge, alertBox, apiJson, apiQuery, pageLink, query, startPage, table } from './common.js';

const main = document.getElementById('contenu');
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

function figure(series, value, text) {
  if (value === null || value === undefined) return text || '';
  return series.isPercent ? fr.percent(value) : fr.count(value);
}

function hasTarget(series) {
  return series.months.some((m) => m.target !== null);
}

/** "janv.", "févr." …: short enough for a phone; the full month is in the tooltip and the table. */
function axisLabel(month) {
  const [year, number] = month.month.split('-').map(Number);
  return shortMonth.format(new Date(Date.UTC(year, number - 1, 1)));
}

function drawChart(canvas, series) {
  const scale = series.isPercent ? 100 : 1;
  const values = series.months.map((m) => (m.value === null ? null : m.value * scale));
  const targets = series.months.map((m) => (m.target === null ? null : m.target * scale));
  // Chart.js is loaded by its own script tag (window.Chart); the page works without it (the table stays).
  if (!window.Chart) return;
  const narrow = window.matchMedia('(max-width: 40rem)').matches;
  new window.Chart(canvas, {
    type: 'line',
    data: {
      labels: series.months.map(axisLabel),
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
      layout: { padding: { right: 8 } },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 0, font: { size: narrow ? 11 : 12 } } },
        y: { beginAtZero: true, ticks: { font: { size: narrow ? 11 : 12 }, callback: (v) => (series.isPercent ? fr.number(v, 0) + '\u00a0%' : fr.number(v)) } },
      },
      plugins: {
        legend: { labels: { boxWidth: narrow ? 24 : 40 } },
        tooltip: {
          callbacks: {
            title: (items) => series.months[items[0].dataIndex].label,
            label: (c) => `${c.dataset.label} : ${c.raw === null ? 'non renseigné' : (series.isPercent ? fr.number(c.raw, 1) + '\u00a0%' : fr.count(c.raw))}`,
          },
        },
      },
    },
  });
}

function render(context, all, series) {
  const index = all.indexOf(series);
  const back = pageLink('/indicateurs', context);
  const link = (s, text, rel) => el('a', { href: pageLink('/indicateur', context) + '&code=' + encodeURIComponent(s.code), rel }, text);
  const canvas = el('canvas', { id: 'graphique', role: 'img', 'aria-label': `Évolution mensuelle de « ${series.label} »${hasTarget(series) ? ' comparée à sa cible' : ''} ; les valeurs sont dans le tableau qui suit.` });
  const gaps = series.months.filter((m) => m.gap).map((m) => m.label);
  const unreliable = series.months.filter((m) => !m.reliable && !m.gap).map((m) => m.label);
  const facts = [
    ['Référence', series.ref ?? 'aucune (indicateur sans objectif)'],
    ['Code', series.code],
    ['Engagement', series.engagement ?? '–'],
    ['Objectif', series.objectif ? `${series.objectif} – ${series.objectifLabel ?? ''}` : '–'],
    ['Type', series.kind],
    ['Statut', series.statusBasis ? el('span', {}, badge(series.status), ` (${series.statusBasis})`) : badge(series.status)],
    ['Cible de l\u2019année', series.target ?? 'aucune'],
  ];
  document.title = `${series.ref ? series.ref + ' ' : ''}${series.label} – Portail CDPPE – ${context.departement} ${context.nom}`;
  fill(main,
    el('p', { className: 'fil' }, el('a', { href: back }, `Indicateurs ${context.annee}`), ' › ', series.ref ? `Indicateur ${series.ref}` : 'Indicateur'),
    el('h1', { id: 'titre-detail' }, series.label),
    el('dl', { className: 'fiche-indicateur' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    gaps.length ? alertBox('attention', el('p', {}, `Mois sans valeur : ${gaps.join(', ')}.`)) : null,
    unreliable.length ? alertBox('attention', el('p', {}, `Valeurs déclarées non fiables (triangles sur le graphique) : ${unreliable.join(', ')}.`)) : null,
    el('div', { className: 'graphique' }, canvas),
    table(`Valeurs mensuelles de « ${series.label} »`, ['Mois', 'Valeur', 'Cible', 'Statut', 'Fiable'],
      series.months.map((m) => [{ value: m.label, sort: m.month }, m.gap ? badge('non renseigné') : figure(series, m.value, m.text), figure(series, m.target, m.targetText), badge(m.status), m.gap ? '' : (m.reliable ? 'oui' : badge('non fiable', 'non-fiable'))]),
      { numeric: [1, 2], fileName: `indicateur-${series.ref ?? series.code}-${context.departement}-${context.annee}` }),
    el('nav', { className: 'precedent-suivant', 'aria-label': 'Indicateurs voisins' },
      index > 0 ? link(all[index - 1], `‹ ${all[index - 1].ref ?? ''} ${all[index - 1].label}`, 'prev') : null,
      index < all.length - 1 ? link(all[index + 1], `${all[index + 1].ref ?? ''} ${all[index + 1].label} ›`, 'next') : null));
  drawChart(canvas, series);
}

const context = await startPage('/indicateurs');
if (context) {
  try {
    const all = await apiJson('indicators?' + apiQuery(context));
    const series = all.find((s) => s.code === query.get('code'));
    if (series) {
      render(context, all, series);
    } else {
      fill(main, el('h1', {}, 'Indicateur'),
        alertBox('attention', el('p', {}, `Cet indicateur n\u2019existe pas pour ${context.nom} en ${context.annee}. `, el('a', { href: pageLink('/indicateurs', context) }, 'Voir tous les indicateurs'))));
    }
  } catch (error) {
    fill(main, el('h1', {}, 'Indicateur'), alertBox('erreur', el('p', {}, error.message)));
  }
}
