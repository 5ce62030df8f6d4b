// Every table of the portal: caption and column headers, sort by any column, a filter (words, and the statuses
// when the table has some), an .xlsx export of what is shown (the server writes the workbook: numbers as numbers,
// French formats), and a scrolling region of its own that the keyboard can reach on small screens.
import { el, fill, fr, api, saveResponse } from './common.js';

let tables = 0;

/** Lower case without accents, for searching the way people type. */
export function folded(text) {
  return String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const frenchNumber = /^(-|\u2212)?\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,(\d+))?(?:[\u00a0\u202f ]?(%|€))?$/;

/**
 * A figure shown the French way ("1 234", "2,5 %", "31 117 173 €") as the number it is, with the format of the
 * workbook cell, or null when the text is not a figure.
 */
export function figure(text) {
  const trimmed = String(text ?? '').trim();
  const match = frenchNumber.exec(trimmed);
  if (!match) return null;
  const unit = match[3];
  const number = Number(trimmed.replace(/[\u00a0\u202f %€]/g, '').replace('\u2212', '-').replace(',', '.'));
  if (!Number.isFinite(number)) return null;
  if (unit === '%') return { valeur: number / 100, format: 'pourcent' };
  if (unit === '€') return { valeur: number, format: 'euros' };
  return { valeur: number, format: match[2] ? 'decimal' : 'nombre' };
}

function cellOf(c) {
  return c !== null && typeof c === 'object' && !(c instanceof Node) ? c : { value: c };
}

function cellText(cell) {
  const v = cell.value ?? cell.text ?? '';
  return v instanceof Node ? v.textContent : String(v);
}

/** The cell of the workbook for a cell of the page: a figure of a numeric column (or with € or %) as a number, else its text. */
function exportCell(cell, numeric) {
  // A button of a row (« Problèmes ») is an action of the page, not a figure.
  if (cell.value instanceof HTMLButtonElement) return null;
  const text = cellText(cell).trim();
  const number = figure(text);
  if (number && (numeric || number.format === 'euros' || number.format === 'pourcent')) return number;
  return text === '' ? null : text;
}

/**
 * Asks the server for the workbook of a table and saves it. headers: the column titles; rows: the cells as the
 * page shows them; numeric: the columns whose figures are numbers.
 */
export async function exportTable(title, fileName, headers, rows, numeric = []) {
  const body = {
    title,
    fileName,
    columns: headers,
    rows: rows.map((cells) => cells.map((c, i) => exportCell(cellOf(c), numeric.includes(i)))),
  };
  const response = await api('tables/xlsx', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: '*/*' },
    body: JSON.stringify(body),
  });
  return saveResponse(response, 'tableau.xlsx');
}

function sortKey(cell, numeric) {
  if (cell.sort !== undefined && cell.sort !== null) return cell.sort;
  const text = cellText(cell).trim();
  const number = figure(text);
  if (number) return number.valeur;
  return numeric ? Number.NEGATIVE_INFINITY : folded(text);
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b), 'fr', { numeric: true });
}

/** The columns whose cells are status labels (badges): each gets a filter of its values. */
function statusColumns(headers, rows) {
  return headers.map((h, i) => i).filter((i) => rows.length > 0 && rows.every((r) => {
    const v = cellOf(r[i]).value;
    return v instanceof Node && v.classList && v.classList.contains('etiquette');
  }));
}

/**
 * A table from headers and rows of cells (a cell is text, a node, or { value, className, sort }). Options:
 * numeric (columns aligned right, exported as numbers), fileName (of the .xlsx, without extension), filter
 * (false when the page has its own filters), tools (false: sort only, no filter nor export).
 */
export function table(caption, headers, rows, { numeric = [], fileName = null, filter = true, tools = true } = {}) {
  const id = `tableau-${++tables}`;
  const cells = rows.map((r) => r.map(cellOf));
  const body = el('tbody', {});
  const status = el('p', { className: 'discret compte', 'aria-live': 'polite' });
  const state = { column: -1, ascending: true, words: '', filters: new Map() };
  const buttons = [];

  function visible() {
    const words = folded(state.words).split(/\s+/).filter(Boolean);
    let shown = cells.filter((r) => {
      for (const [i, value] of state.filters) if (value && cellText(r[i]) !== value) return false;
      if (words.length === 0) return true;
      const text = folded(r.map(cellText).join(' '));
      return words.every((w) => text.includes(w));
    });
    if (state.column >= 0) {
      const i = state.column;
      shown = [...shown].sort((a, b) => compare(sortKey(a[i], numeric.includes(i)), sortKey(b[i], numeric.includes(i))) * (state.ascending ? 1 : -1));
    }
    return shown;
  }

  function draw() {
    const shown = visible();
    fill(body, shown.map((r) => el('tr', {}, r.map((cell, i) => {
      const value = cell.value ?? cell.text ?? '';
      // A node may be shown once only: the row keeps its own nodes, moved back in place at each redraw.
      return el('td', { className: cell.className || (numeric.includes(i) ? 'nombre' : null), 'data-libelle': headers[i] }, value);
    }))));
    buttons.forEach((b, i) => {
      const th = b.parentElement;
      if (i === state.column) th.setAttribute('aria-sort', state.ascending ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    status.textContent = shown.length === cells.length
      ? `${fr.number(cells.length)} ligne${cells.length > 1 ? 's' : ''}`
      : `${fr.number(shown.length)} ligne${shown.length > 1 ? 's' : ''} sur ${fr.number(cells.length)}`;
    return shown;
  }

  const head = el('tr', {}, headers.map((h, i) => {
    const button = el('button', { type: 'button', className: 'tri', title: `Trier par « ${h} »` }, h, el('span', { className: 'sens', 'aria-hidden': 'true' }));
    button.addEventListener('click', () => {
      state.ascending = state.column === i ? !state.ascending : true;
      state.column = i;
      draw();
    });
    buttons.push(button);
    return el('th', { scope: 'col', className: numeric.includes(i) ? 'nombre' : null }, button);
  }));

  const region = el('div', { className: 'tableau', role: 'region', tabindex: '0', 'aria-label': caption },
    el('table', { id },
      el('caption', {}, caption),
      el('thead', {}, head),
      body));
  draw();
  if (!tools) return el('div', { className: 'bloc-tableau' }, region);

  const tools_ = el('div', { className: 'outils-tableau' });
  if (filter && cells.length > 5) {
    const search = el('input', { type: 'search', id: `${id}-filtre`, autocomplete: 'off' });
    search.addEventListener('input', () => { state.words = search.value; draw(); });
    tools_.append(el('div', { className: 'champ' }, el('label', { for: `${id}-filtre` }, 'Filtrer', el('span', { className: 'aide' }, 'mots ou chiffres')), search));
    for (const i of statusColumns(headers, rows)) {
      const values = [...new Set(cells.map((r) => cellText(r[i])))].sort((a, b) => a.localeCompare(b, 'fr'));
      if (values.length < 2) continue;
      const select = el('select', { id: `${id}-col${i}` }, el('option', { value: '' }, 'Tous'), values.map((v) => el('option', { value: v }, v)));
      select.addEventListener('change', () => { state.filters.set(i, select.value); draw(); });
      tools_.append(el('div', { className: 'champ' }, el('label', { for: `${id}-col${i}` }, headers[i]), select));
    }
  }
  const message = el('div', { 'aria-live': 'polite' });
  const exportButton = el('button', { type: 'button', className: 'secondaire export-xlsx' }, 'Exporter en Excel (.xlsx)');
  exportButton.addEventListener('click', async () => {
    fill(message);
    try {
      await exportTable(caption, fileName || caption, headers, visible(), numeric);
    } catch (error) {
      fill(message, el('p', { className: 'alerte erreur', role: 'alert' }, error.message));
    }
  });
  tools_.append(el('div', { className: 'champ' }, exportButton));
  return el('div', { className: 'bloc-tableau' }, tools_, message, region, status);
}
