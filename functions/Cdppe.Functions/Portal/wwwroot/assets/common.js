// Shared by every page of the portal: calls to the portal API (session cookie + CSRF header), French formats,
// the page header and menu. Text always goes through textContent (el() below): nothing from the server is
// ever parsed as HTML. Tables (sort, filter, .xlsx export) are in tables.js.
import { table } from './tables.js';

export { table };

const API = '/api/portal/';
let session = null;

/** An error of the portal API, with the French detail of its problem details. */
export class PortalError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.status = status;
    this.problem = problem || null;
  }
}

/** Creates an element: attributes (on* never used), then children (strings become text nodes). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// fr-FR numbers with a no-break space for thousands (browsers use a narrow one) and a decimal comma.
const nbsp = (text) => text.replace(/\u202f/g, '\u00a0');
const formats = new Map();
function numberFormat(decimals) {
  if (!formats.has(decimals)) {
    formats.set(decimals, new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  }
  return formats.get(decimals);
}

export const fr = {
  number: (value, decimals = 0) => (value === null || value === undefined ? '' : nbsp(numberFormat(decimals).format(value))),
  /** A count as printed: no decimals when whole, one otherwise. */
  count: (value) => fr.number(value, Number.isInteger(value) ? 0 : 1),
  euros: (value) => (value === null || value === undefined ? '' : fr.number(value, 0) + '\u00a0€'),
  percent: (ratio, decimals = 1) => (ratio === null || ratio === undefined ? '' : fr.number(ratio * 100, decimals) + '\u00a0%'),
  dateTime: (iso) => (iso ? nbsp(new Date(iso).toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' })) : ''),
  size: (bytes) => (bytes < 1024 * 1024 ? fr.number(bytes / 1024, 0) + '\u00a0Ko' : fr.number(bytes / (1024 * 1024), 1) + '\u00a0Mo'),
};

/** A CSS class for a French status word ("en bonne voie" → "bonne-voie"). */
export function statusClass(status) {
  return ({
    'importé': 'importe', 'refusé': 'refuse', 'en échec': 'echec', 'reçu': 'recu', 'envoi': 'envoi',
    'atteint': 'atteint', 'en bonne voie': 'bonne-voie', 'en retard': 'retard', 'non renseigné': 'non-renseigne',
    'sans cible': 'sans-cible', 'erreur': 'erreur', 'avertissement': 'avertissement', 'information': 'information',
  })[status] || 'information';
}

export function badge(text, className) {
  return el('span', { className: 'etiquette ' + (className || statusClass(text)) }, text);
}

/** Calls the portal API; a change carries the CSRF token. Throws PortalError with the problem's French detail. */
export async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const method = (options.method || 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') headers.set('X-Cdppe-Csrf', session ? session.csrf : '');
  const response = await fetch(API + path, { ...options, method, headers, credentials: 'same-origin', cache: 'no-store' });
  if (response.status === 401 && !path.startsWith('session')) {
    location.assign('/connexion?retour=' + encodeURIComponent(location.pathname + location.search));
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new PortalError((problem && problem.detail) || `Le serveur a répondu ${response.status}.`, response.status, problem);
  }
  return response;
}

export async function apiJson(path, options) {
  return (await api(path, options)).json();
}

/** The CSRF token of the session, for calls that cannot go through api() (upload progress needs XMLHttpRequest). */
export function csrfToken() {
  return session ? session.csrf : '';
}

/** Downloads a file of the API as the browser would save a link, or throws PortalError. */
export async function download(path, fallbackName) {
  return saveResponse(await api(path, { headers: { Accept: '*/*' } }), fallbackName);
}

/** Saves a file answer of the API under the name the server gives it. */
export async function saveResponse(response, fallbackName) {
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  return saveBlob(await response.blob(), match ? decodeURIComponent(match[1]) : fallbackName);
}

/** Saves bytes the page received as a file of that name. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, className: 'masque' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/** An alert box; role=alert for errors so screen readers say them at once. */
export function alertBox(kind, ...content) {
  return el('div', { className: 'alerte ' + kind, role: kind === 'erreur' ? 'alert' : 'status' }, ...content);
}

export const query = new URLSearchParams(location.search);

/** The query string of a page for the current département and year. */
export function pageLink(path, context) {
  const params = new URLSearchParams();
  if (context && context.departement) params.set('departement', context.departement);
  if (context && context.annee) params.set('annee', String(context.annee));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export function apiQuery(context, extra = {}) {
  const params = new URLSearchParams();
  if (context.departement) params.set('departement', context.departement);
  if (context.annee) params.set('annee', String(context.annee));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params.toString();
}

const pages = [
  { path: '/', label: 'Accueil' },
  { path: '/depots', label: 'Dépôts' },
  { path: '/modeles', label: 'Modèles' },
  { path: '/indicateurs', label: 'Indicateurs' },
  { path: '/rapport', label: 'Rapport' },
  { path: '/campagne', label: 'Campagne' },
  { path: '/national', label: 'National', national: true },
  { path: '/aide', label: 'Aide' },
];

function header(context, current) {
  const who = session.national ? 'Périmètre national' : `Département${session.departements.length > 1 ? 's' : ''} ${session.departements.join(', ')}`;
  const choices = el('form', { className: 'choix', action: current, method: 'get' });
  if (context.choix && context.choix.length > 1 && current !== '/national') {
    const select = el('select', { id: 'choix-departement', name: 'departement' },
      context.choix.map((c) => el('option', { value: c.code, selected: c.code === context.departement }, `${c.code} – ${c.nom}`)));
    choices.append(el('label', { for: 'choix-departement' }, 'Département', select));
  }
  if (context.annees && context.annees.length > 0) {
    const select = el('select', { id: 'choix-annee', name: 'annee' },
      context.annees.map((y) => el('option', { value: String(y), selected: y === context.annee }, String(y))));
    choices.append(el('label', { for: 'choix-annee' }, 'Année', select));
  }
  if (choices.childElementCount > 0) {
    choices.append(el('button', { type: 'submit', className: 'secondaire' }, 'Afficher'));
  }
  const signOut = el('button', { type: 'button', className: 'secondaire', id: 'deconnexion' }, 'Se déconnecter');
  signOut.addEventListener('click', async () => {
    try { await api('session', { method: 'DELETE' }); } finally { location.assign(session.mode === 'entra' ? '/.auth/logout' : '/connexion'); }
  });
  const menu = el('nav', { className: 'menu', 'aria-label': 'Menu principal' },
    el('ul', {}, pages.filter((p) => !p.national || session.national).map((p) =>
      el('li', {}, el('a', { href: pageLink(p.path, p.national ? { annee: context.annee } : context), 'aria-current': p.path === current ? 'page' : null }, p.label)))));
  return [
    el('div', { className: 'entete-haut' },
      el('a', { className: 'marque', href: pageLink('/', context) }, 'Portail CDPPE', el('span', {}, 'Contrat départemental de prévention et de protection de l\u2019enfance')),
      choices,
      el('div', { className: 'utilisateur' }, el('span', { className: 'qui' }, `${session.user} · ${who}`), signOut)),
    menu,
  ];
}

/** The foot of every page: help, contact, legal notice, accessibility statement. */
function footer() {
  const link = (href, text) => el('li', {}, el('a', { href }, text));
  return el('footer', { className: 'pied' },
    el('ul', {},
      link('/aide', 'Aide'),
      link('/aide#contact', 'Contact'),
      link('/aide#mentions-legales', 'Mentions légales'),
      link('/aide#accessibilite', 'Accessibilité : partiellement conforme')),
    el('p', {}, 'Portail CDPPE – contrats départementaux de prévention et de protection de l\u2019enfance.'));
}

if (!document.querySelector('footer.pied')) document.body.append(footer());

/**
 * Starts a page: reads the session (to the sign-in page without one; open pages stay without one), then the context (département, year, the
 * choices the user has), draws the header and gives the context to the page. A département outside the
 * user's scope stops here with the server's message.
 */
export async function startPage(current, { departement = true, open = false } = {}) {
  const main = document.getElementById('contenu');
  try {
    session = await apiJson('session');
  } catch (error) {
    if (error.status === 401 && open) {
      // A page open to all (the help page): its own content, the brand and a way to sign in.
      fill(document.querySelector('header.entete'), el('div', { className: 'entete-haut' },
        el('a', { className: 'marque', href: '/' }, 'Portail CDPPE', el('span', {}, 'Contrat départemental de prévention et de protection de l\u2019enfance')),
        el('a', { className: 'bouton secondaire', href: '/connexion' }, 'Se connecter')));
      return null;
    }
    if (error.status === 401) {
      location.assign('/connexion?retour=' + encodeURIComponent(location.pathname + location.search));
      return null;
    }
    fill(main, alertBox('erreur', el('p', {}, error.message)));
    return null;
  }
  // The national scope lands on the national page; a département is opened from there.
  if (current === '/' && session.national && !query.get('departement')) {
    location.replace(pageLink('/national', { annee: query.get('annee') }));
    return null;
  }
  const params = new URLSearchParams();
  if (departement && query.get('departement')) params.set('departement', query.get('departement'));
  if (query.get('annee')) params.set('annee', query.get('annee'));
  if (!departement) params.set('national', 'oui');
  const headerNode = document.querySelector('header.entete');
  try {
    const context = await apiJson('context?' + params.toString());
    fill(headerNode, header(context, current));
    if (departement && !context.departement) {
      fill(main, el('h1', {}, document.title.split(' – ')[0]), alertBox('', el('p', {}, 'Aucun département n\u2019a encore déposé de fichier : choisissez un département dans l\u2019adresse (?departement=77).')));
      return null;
    }
    if (context.departement) {
      document.title = `${document.title} – ${context.departement} ${context.nom}`;
    }
    return { ...context, session };
  } catch (error) {
    fill(headerNode, header({ annee: null, annees: [], choix: [] }, current));
    fill(main, el('h1', {}, document.title.split(' – ')[0]), alertBox('erreur', el('p', {}, error.message)));
    return null;
  }
}
