// Sign-in page of the standalone host: the API key and the scope (one département or national). The server sets
// an HttpOnly, SameSite=Strict session cookie; the key itself is never stored by the browser.
import { el, fill, alertBox, query, PortalError } from './common.js';
import { returnPath } from './return-address.js';

const main = document.getElementById('contenu');

function target() {
  // Only a path of this site, as the browser itself parses it: never another origin.
  return returnPath(query.get('retour'), location.origin);
}

async function signIn(event, form, message) {
  event.preventDefault();
  const data = new FormData(form);
  const national = data.get('perimetre') === 'national';
  const body = { cle: data.get('cle'), perimetre: national ? 'national' : String(data.get('departement') || '').trim() };
  fill(message);
  try {
    const response = await fetch('/api/portal/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Cdppe-Csrf': 'connexion' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch { /* not JSON */ }
      throw new PortalError((problem && problem.detail) || `Le serveur a répondu ${response.status}.`, response.status);
    }
    const session = await response.json();
    const next = target();
    location.assign(next === '/' && !session.national ? `/?departement=${encodeURIComponent(session.departements[0])}` : next);
  } catch (error) {
    fill(message, alertBox('erreur', el('p', {}, error.message)));
    form.querySelector('#cle').focus();
  }
}

async function start() {
  const status = await fetch('/api/portal/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  if (status.ok) {
    location.assign(target());
    return;
  }
  let problem = {};
  try { problem = await status.json(); } catch { /* not JSON */ }
  if (problem.connexion) {
    // In Azure, people sign in with Microsoft Entra ID (App Service Authentication).
    fill(main, el('h1', {}, 'Connexion au portail'),
      el('p', {}, 'Connectez-vous avec votre compte professionnel.'),
      el('p', {}, el('a', { className: 'bouton', href: `${problem.connexion}?post_login_redirect_uri=${encodeURIComponent(target())}` }, 'Se connecter avec Microsoft Entra ID')));
    return;
  }

  const message = el('div', { 'aria-live': 'polite' });
  const departement = el('input', { id: 'departement', name: 'departement', type: 'text', inputmode: 'text', autocomplete: 'off', maxlength: '3', size: '4', 'aria-describedby': 'aide-departement', value: query.get('departement') || '' });
  const form = el('form', { method: 'post', action: '/connexion', novalidate: true },
    el('div', { className: 'champ' },
      el('label', { for: 'cle' }, 'Clé d\u2019accès', el('span', { className: 'aide', id: 'aide-cle' }, 'La clé nominative que l\u2019administrateur vous a remise (rôle Département ou National). La clé d\u2019exemple du fichier local.settings.sample.json sert au développement seulement ; la clé globale est celle de l\u2019opérateur.')),
      el('input', { id: 'cle', name: 'cle', type: 'password', required: true, autocomplete: 'current-password', 'aria-describedby': 'aide-cle' })),
    el('fieldset', {},
      el('legend', {}, 'Périmètre'),
      el('label', { className: 'radio' }, el('input', { type: 'radio', name: 'perimetre', value: 'departement', checked: true }), 'Un département'),
      el('div', { className: 'champ' },
        el('label', { for: 'departement' }, 'Code du département', el('span', { className: 'aide', id: 'aide-departement' }, 'Code INSEE : 77, 93, 2A, 974…')),
        departement),
      el('label', { className: 'radio' }, el('input', { type: 'radio', name: 'perimetre', value: 'national' }), 'National (services de l\u2019État : tous les départements)')),
    el('button', { type: 'submit' }, 'Se connecter'));
  form.addEventListener('submit', (event) => signIn(event, form, message));
  fill(main,
    el('h1', {}, 'Connexion au portail'),
    el('p', { className: 'chapeau' }, 'Déposez les classeurs du contrat, suivez leur import, consultez les indicateurs et téléchargez le rapport d\u2019exécution.'),
    message,
    form);
  form.querySelector('#cle').focus();
}

start();
